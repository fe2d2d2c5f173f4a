import { parentPort, workerData } from 'node:worker_threads';
import { getDataset } from '../../../shared/datasets/registry';
import { KeyClaims } from '../../../shared/validation/key-claims';
import { mappedColumns } from '../../../shared/validation/mapped-columns';
import { createChunkValidator, type ChunkOutcome } from '../../../shared/validation/validate-chunk';
import type { WorkerConfig, WorkerReply, WorkerRequest } from './worker-protocol';

// The pipeline's worker. As a validate worker it builds the dataset once (schema, compiled
// phone patterns), then checks the chunks it is sent; as the claims worker it keeps the
// first claims of unique keys. Either way requests are handled one at a time, in order.
const port = parentPort;
const config = workerData as WorkerConfig;
if (!port) {
  throw new Error('validate.worker: started outside a worker thread');
}
const handle = handlerFor(config);
port.on('message', (request: WorkerRequest) => {
  try {
    const [reply, transfer] = handle(request);
    port.postMessage(reply, transfer);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    port.postMessage({ type: 'error', id: request.id, message } satisfies WorkerReply);
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);

function handlerFor(
  config: WorkerConfig,
): (request: WorkerRequest) => [WorkerReply, ArrayBuffer[]] {
  if (config.role === 'claims') {
    const claims = new KeyClaims(config.fields, config.expectedRows);
    return (request) => {
      if (!('keys' in request)) {
        throw new Error('the claims worker takes keys');
      }
      claims.reserve(request.expectedRows);
      const hits = claims.claim(request.keys, request.rows);
      return [{ type: 'claimed', id: request.id, hits }, [hits.buffer as ArrayBuffer]];
    };
  }
  const dataset = getDataset(config.dataset.target, config.dataset.kind, {
    defaultCountry: config.dataset.defaultCountry,
  });
  if (!dataset) {
    throw new Error(
      `validate.worker: unknown dataset ${config.dataset.target} ${config.dataset.kind}`,
    );
  }
  const validate = createChunkValidator(
    dataset,
    mappedColumns(config.headers, dataset, config.mapping),
  );
  return (request) => {
    if (!('task' in request)) {
      throw new Error('a validate worker takes tasks');
    }
    const outcome = validate(request.task);
    return [{ type: 'result', id: request.id, outcome }, transferables(outcome)];
  };
}

/**
 * The outcome's key records, the one big array, move to the reading thread; the small ones
 * are copied, which costs less than transferring them.
 */
function transferables(outcome: ChunkOutcome): ArrayBuffer[] {
  return [outcome.keys.buffer as ArrayBuffer];
}
