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

/**
 * Rows per chunk sent to a worker, at most; messages cost ~0.05 ms, so hundreds of rows
 * amortise them.
 */
export const BATCH_ROWS = 1024;
/**
 * …and characters of packed cells per chunk, at most (about 450 rows of a 12-column users
 * sheet). A chunk's rows live until its outcome is collected; small chunks let them die
 * young instead of being promoted to the old generation (4,096-row chunks: 418 MB peak RSS
 * for `batchline validate` on 1M rows; 1,024: 353 MB; this cap: ~300 MB), and keep the
 * joined task text under V8's 128 KB large-object size (two bytes a character at worst).
 */
export const BATCH_CHARS = 56 * 1024;
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
  const uniques = uniqueChecks(dataset, columns);
  const collector = new ValidationCollector({
    uniques,
    keepRowIssues: opts.keepRowIssues ?? false,
    maxStoredIssues: opts.maxStoredIssues ?? DEFAULT_STORED_ISSUES,
  });
  const size = opts.workers ?? defaultWorkers();
  const pool =
    size > 0
      ? new ValidatePool(size, { dataset: spec, headers, mapping }, uniques.length, opts.workerUrl)
      : undefined;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= pool?.close() ?? Promise.resolve());
  opts.signal?.addEventListener('abort', () => void close(), { once: true });
  const dispatcher = new ChunkDispatcher({
    collector,
    inline: createChunkValidator(dataset, columns),
    ...(pool ? { pool } : {}),
    inlineWhileStarting: opts.inlineWhileStarting ?? false,
    // Chunks in flight: enough to hide the two hops (validate worker, then claims worker)
    // and keep the workers busy. Measured on 1M rows: with 2 workers, 4 in flight left them
    // idle a quarter of the time and 10 held so many rows that the heap grew by 100 MB; with
    // the one worker a reading thread gets on 2 cores, 7 beat 4 by ~5% and 10 gained nothing.
    maxPending: Math.max(2 * size + 2, 7),
  });
  return { collector, dispatcher, close };
}

/** One validate worker per core, for rows already in memory: this thread only collects. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * One validate worker per core but the one the reading thread keeps busy parsing. On these
 * 2-core machines one worker beat two by 8-10% on 1M rows (4.5 s against 5.0 s with rows
 * kept, 4.3 s against 4.55 s for `batchline validate`): a second one only made three busy
 * threads take turns on two cores.
 */
export function readingWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}
