import { availableParallelism } from 'node:os';
import { AppError } from '../../../shared/errors';
import { getDataset } from '../../../shared/datasets/registry';
import type { Mapping } from '../../../shared/datasets/targets';
import { mappedColumns } from '../../../shared/validation/mapped-columns';
import { createChunkValidator, uniqueChecks } from '../../../shared/validation/validate-chunk';
import { ValidationCollector } from '../../../shared/validation/validation-collector';
import { ChunkDispatcher } from './chunk-dispatcher';
import { ValidatePool } from './worker-pool';
import type { DatasetSpec } from './worker-protocol';

/** How rows are checked: where, and what is kept. */
export interface CheckOptions {
  /** Worker threads; 0 checks in this thread. Default: one per core. */
  workers?: number;
  /** Check here while workers start (default false: the app's main thread stays free). */
  inlineWhileStarting?: boolean;
  /** Keep each row's issues (the app's review) rather than the first `maxStoredIssues`. */
  keepRowIssues?: boolean;
  maxStoredIssues?: number;
  /** A worker bundle to use instead of the one found next to this code (the bench). */
  workerUrl?: URL;
  signal?: AbortSignal;
}

/** The checks of one sheet under way: collector, dispatcher and the pool they use. */
export interface RowChecks {
  collector: ValidationCollector;
  dispatcher: ChunkDispatcher;
  /** Terminates the workers; safe to call more than once. */
  close(): Promise<void>;
}

/** Rows per chunk sent to a worker: big enough to amortise a message, small to keep both busy. */
export const BATCH_ROWS = 4096;
/** Issues kept by default when rows are not kept (the CLI prints 50; --json lists errors). */
export const DEFAULT_STORED_ISSUES = 10_000;

/**
 * Starts checking rows of a sheet with these headers and mapping: builds the dataset here
 * (for the cross-row checks) and, unless `workers` is 0, a pool whose workers build it too.
 * Aborting `signal` terminates the workers at once, failing what waits on them.
 */
export function startRowChecks(
  spec: DatasetSpec,
  headers: string[],
  mapping: Mapping,
  opts: CheckOptions,
): RowChecks {
  const dataset = getDataset(spec.target, spec.kind, { defaultCountry: spec.defaultCountry });
  if (!dataset) {
    throw new AppError(
      'USAGE',
      `${spec.target} ${spec.kind} is not available in this version of batchline.`,
    );
  }
  const columns = mappedColumns(headers, dataset, mapping);
  const collector = new ValidationCollector({
    uniques: uniqueChecks(dataset, columns),
    keepRowIssues: opts.keepRowIssues ?? false,
    maxStoredIssues: opts.maxStoredIssues ?? DEFAULT_STORED_ISSUES,
  });
  const size = opts.workers ?? defaultWorkers();
  const pool =
    size > 0
      ? new ValidatePool(size, { dataset: spec, headers, mapping }, opts.workerUrl)
      : undefined;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= pool?.close() ?? Promise.resolve());
  opts.signal?.addEventListener('abort', () => void close(), { once: true });
  const dispatcher = new ChunkDispatcher({
    collector,
    inline: createChunkValidator(dataset, columns),
    ...(pool ? { pool } : {}),
    inlineWhileStarting: opts.inlineWhileStarting ?? false,
    maxPending: size * 2 + 2,
  });
  return { collector, dispatcher, close };
}

/** One worker per core: the reading thread parses while they check. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}
