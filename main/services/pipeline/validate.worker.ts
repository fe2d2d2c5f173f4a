import { parentPort, workerData } from 'node:worker_threads';
import { getDataset } from '../../../shared/datasets/registry';
import { mappedColumns } from '../../../shared/validation/mapped-columns';
import type { ChunkTask } from '../../../shared/validation/packed-rows';
import { createChunkValidator, type ChunkOutcome } from '../../../shared/validation/validate-chunk';
import type { ValidateWorkerConfig, WorkerReply } from './worker-protocol';

// A validate worker: builds the dataset once (schema, compiled phone patterns), then checks
// the chunks the reading thread sends, one at a time, in the order they come.
const port = parentPort;
const config = workerData as ValidateWorkerConfig;
const dataset = getDataset(config.dataset.target, config.dataset.kind, {
  defaultCountry: config.dataset.defaultCountry,
});
if (!port || !dataset) {
  throw new Error('validate.worker: started without a parent port or with an unknown dataset');
}
const validate = createChunkValidator(
  dataset,
  mappedColumns(config.headers, dataset, config.mapping),
);

port.on('message', ({ id, task }: { id: number; task: ChunkTask }) => {
  let reply: WorkerReply;
  try {
    const outcome = validate(task);
    reply = { type: 'result', id, outcome };
    port.postMessage(reply, transferables(outcome));
  } catch (caught) {
    reply = {
      type: 'error',
      id,
      message: caught instanceof Error ? caught.message : String(caught),
    };
    port.postMessage(reply);
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);

/** The outcome's typed arrays move to the reading thread instead of being copied. */
function transferables(outcome: ChunkOutcome): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [
    outcome.flags.buffer as ArrayBuffer,
    outcome.issueOwners.buffer as ArrayBuffer,
  ];
  for (const keys of outcome.keys) {
    buffers.push(
      keys.hashes.buffer as ArrayBuffer,
      keys.owners.buffer as ArrayBuffer,
      keys.parts.buffer as ArrayBuffer,
    );
  }
  return buffers;
}
