import type { RowResult, RunProgress } from '../../../shared/jobs/run-types';
import type { Journal } from '../runs/journal';
import { BatchPusher } from './batch-pusher';
import type { PushAdapter, PushItem } from './push-adapter';
import { NOT_CONFIRMED, NOT_SENT, stopReasonOf, type RunStop } from './push-stop';
import { PushState } from './push-state';
import { RateLimiter, systemClock, type Clock } from './rate-limiter';

export { NOT_CONFIRMED, NOT_SENT } from './push-stop';

export interface BatchRunnerOptions<P> {
  adapter: PushAdapter<P>;
  batches: PushItem<P>[][];
  /**
   * Items sent by an earlier attempt whose outcome is unknown (a crash, a kill): looked up
   * first; only the missing ones are sent, in batches of `batchSize`.
   */
  inFlight?: PushItem<P>[];
  batchSize?: number;
  /** Which call an item may share (see DatasetDef.groupOf); in-flight items are re-batched by it. */
  groupOf?: (item: PushItem<P>) => string;
  /** Request numbers continue from an earlier attempt's journal. */
  firstRequest?: number;
  journal: Journal;
  limiter: RateLimiter;
  /** Requests in flight at once; the limiter, not this, sets the pace. */
  concurrency?: number;
  /** Attempts per batch for transient failures before its rows are reported failed. */
  maxAttempts?: number;
  /** Retries the whole run may spend; past it, the run stops as resumable. */
  retryBudget?: number;
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  onProgress?: (progress: RunProgress) => void;
}

export interface BatchRunOutcome {
  results: RowResult[];
  requests: number;
  retries: number;
  /** Why the run stopped before every batch was tried, if it did. */
  stopped?: RunStop;
}

/** Splits items into batches of at most `size`, in order, never mixing two groups. */
function chunk<T>(items: T[], size: number, groupOf: (item: T) => string = () => ''): T[][] {
  const batches: T[][] = [];
  const open = new Map<string, T[]>();
  for (const item of items) {
    const group = groupOf(item);
    let batch = open.get(group);
    if (!batch || batch.length === size) {
      batch = [];
      batches.push(batch);
      open.set(group, batch);
    }
    batch.push(item);
  }
  return batches;
}

/**
 * Pushes planned batches within the rate limit with a few workers and settles every row
 * exactly once. Rows in flight from an earlier attempt are looked up before anything else.
 * When the run stops early (cancel, sign-in refused, daily limit, retry budget spent), rows
 * never confirmed are reported "not sent" or "sent, but not confirmed" — a resume reopens
 * both, looking the second kind up first.
 */
export async function runBatches<P>(options: BatchRunnerOptions<P>): Promise<BatchRunOutcome> {
  const clock = options.clock ?? systemClock;
  const inFlight = options.inFlight ?? [];
  const state = new PushState(
    options.batches.reduce((sum, batch) => sum + batch.length, inFlight.length),
    () => clock.now(),
  );
  let stopped: RunStop | undefined;
  const { limiter } = options;
  const report = () => options.onProgress?.(state.progress(limiter.pausedUntilTime, limiter.rate));
  const pusher = new BatchPusher<P>({
    adapter: options.adapter,
    journal: options.journal,
    limiter,
    state,
    clock,
    random: options.random ?? Math.random,
    maxAttempts: options.maxAttempts ?? 5,
    retryBudget: options.retryBudget ?? 100,
    firstRequest: options.firstRequest ?? 1,
    signal: options.signal,
    stopped: () => stopped,
    report,
  });
  for (const item of inFlight) {
    pusher.sentRows.add(item.row);
  }
  const stop = (caught: unknown) => {
    stopped ??= stopReasonOf(caught);
  };

  const queue = [...options.batches];
  if (inFlight.length > 0) {
    try {
      const missing = await pusher.reconcile(inFlight, 'the run was interrupted');
      queue.unshift(...chunk(missing, Math.max(1, options.batchSize ?? 10), options.groupOf));
    } catch (caught) {
      stop(caught);
    }
  }
  const worker = async () => {
    for (let batch = queue.shift(); batch && !stopped; batch = queue.shift()) {
      try {
        await pusher.push(batch);
      } catch (caught) {
        stop(caught);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => worker()));

  if (stopped) {
    const unsettled = [...inFlight, ...options.batches.flat()].filter(
      (item) => !state.results.has(item.row),
    );
    const { reason } = stopped;
    await pusher.settle(
      unsettled.filter((item) => pusher.sentRows.has(item.row)),
      'failed',
      `${NOT_CONFIRMED}${reason}; resume the run to check it`,
    );
    await pusher.settle(
      unsettled.filter((item) => !pusher.sentRows.has(item.row)),
      'failed',
      `${NOT_SENT}${reason}`,
    );
  }
  report();
  return {
    results: [...state.results.values()].sort((a, b) => a.row - b.row),
    requests: state.requests,
    retries: state.retries,
    ...(stopped ? { stopped } : {}),
  };
}
