import { AppError } from '../../../shared/errors';
import type { RowResult, RunProgress } from '../../../shared/jobs/run-types';
import type { Journal } from '../runs/journal';
import type { PushAdapter, PushItem, SendOutcome } from './push-adapter';
import { PushState } from './push-state';
import { RateLimiter, systemClock, type Clock } from './rate-limiter';
import { fullJitterBackoff } from './retry-after';

export interface BatchRunnerOptions<P> {
  adapter: PushAdapter<P>;
  batches: PushItem<P>[][];
  /**
   * Items sent by an earlier attempt whose outcome is unknown (a crash, a kill): looked up
   * first; only the missing ones are sent, in batches of `batchSize`.
   */
  inFlight?: PushItem<P>[];
  batchSize?: number;
  /** Request numbers continue from an earlier attempt's journal. */
  firstRequest?: number;
  journal: Journal;
  limiter: RateLimiter;
  /** Requests in flight at once; the limiter, not this, sets the pace. */
  concurrency?: number;
  /** Attempts per batch for transient failures before its rows are reported failed. */
  maxAttempts?: number;
  /** Retries the whole run may spend; past it, remaining rows stop as not sent. */
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
  stopped?: { reason: string; code: 'CANCELLED' | 'AUTH_EXPIRED' | 'RATE_LIMITED' | 'NETWORK' };
}

/** Message prefixes of rows a stopped run leaves open; a resume picks them up again. */
export const NOT_SENT = 'not sent: ';
export const NOT_CONFIRMED = 'sent, but not confirmed: ';

class StopRun extends Error {
  constructor(
    readonly code: NonNullable<BatchRunOutcome['stopped']>['code'],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Pushes planned batches within the rate limit and settles every row exactly once.
 *
 * Refused batches are bisected so good rows still go in; lost answers are reconciled by
 * lookup before anything is sent again; every request is journaled before it goes out.
 */
export async function runBatches<P>(options: BatchRunnerOptions<P>): Promise<BatchRunOutcome> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 5;
  let retryBudget = options.retryBudget ?? 100;
  const inFlight = options.inFlight ?? [];
  const total = options.batches.reduce((sum, batch) => sum + batch.length, inFlight.length);
  const state = new PushState(total, () => clock.now());
  const { adapter, journal, limiter, signal } = options;
  let requestSeq = (options.firstRequest ?? 1) - 1;
  // Rows that went out at least once: if the run stops before they settle, their outcome is
  // unknown, not "not sent", and a resume must look them up.
  const sentRows = new Set<number>(inFlight.map((item) => item.row));
  const forgetSent = (items: PushItem<P>[]) => {
    for (const item of items) {
      sentRows.delete(item.row);
    }
  };
  let stopped: BatchRunOutcome['stopped'];

  const pace = async () => {
    await limiter.acquire(signal);
    state.requests += 1;
  };
  const report = () => options.onProgress?.(state.progress(limiter.pausedUntilTime, limiter.rate));

  const settle = async (
    items: PushItem<P>[],
    status: RowResult['status'],
    message: string,
    ids?: Map<string, string>,
  ) => {
    const settled: RowResult[] = [];
    for (const item of items) {
      const id = ids?.get(item.identity);
      const result: RowResult = { row: item.row, status, message, ...(id ? { id } : {}) };
      if (state.settle(result)) {
        settled.push(result);
      }
    }
    if (settled.length > 0) {
      await journal.appendMany(settled.map((result) => ({ t: 'row' as const, ...result })));
    }
    report();
  };

  const spendRetry = () => {
    state.retries += 1;
    retryBudget -= 1;
    if (retryBudget < 0) {
      throw new StopRun(
        'NETWORK',
        'the retry budget of the run is spent (the target keeps failing)',
      );
    }
  };

  const sendOnce = async (items: PushItem<P>[], attempt: number): Promise<SendOutcome> => {
    await limiter.acquire(signal);
    if (stopped) {
      // Another worker stopped the run while this one waited for its turn: send nothing more.
      throw new StopRun(stopped.code, stopped.reason);
    }
    const request = ++requestSeq;
    await journal.append({ t: 'send', request, attempt, rows: items.map((item) => item.row) });
    for (const item of items) {
      sentRows.add(item.row);
    }
    state.requests += 1;
    // No abort signal here: a cancel lets the request in flight finish, so its answer is
    // journaled instead of leaving the rows in doubt.
    const outcome = await adapter.send(items);
    const status = outcome.kind === 'rejected' ? { status: outcome.status } : {};
    const message = outcome.kind === 'accepted' ? {} : { message: outcome.message };
    await journal.append({ t: 'answer', request, outcome: outcome.kind, ...status, ...message });
    return outcome;
  };

  /** Settles items already on the target; returns the ones still missing. */
  const reconcile = async (items: PushItem<P>[], why: string): Promise<PushItem<P>[]> => {
    const found = await adapter.lookup(items, pace);
    const present = items.filter((item) => found.has(item.identity));
    await settle(present, 'created', `created (confirmed by lookup after ${why})`, found);
    return items.filter((item) => !found.has(item.identity));
  };

  const pushBatch = async (items: PushItem<P>[], attempt = 0): Promise<void> => {
    if (items.length === 0) {
      return;
    }
    if (signal?.aborted) {
      throw new StopRun('CANCELLED', 'the run was cancelled');
    }
    const outcome = await sendOnce(items, attempt);
    switch (outcome.kind) {
      case 'accepted': {
        limiter.recover();
        const created = items.filter((item) => outcome.created.has(item.identity));
        await settle(created, 'created', 'created', outcome.created);
        const unlisted = items.filter((item) => !outcome.created.has(item.identity));
        if (unlisted.length > 0) {
          const missing = await reconcile(unlisted, 'an answer that did not list them');
          await settle(
            missing,
            'failed',
            'the target accepted the batch but did not create this user',
          );
        }
        return;
      }
      case 'rejected':
        return rejected(items, outcome, attempt);
      case 'rate-limited': {
        if (outcome.daily) {
          forgetSent(items);
          const until = clock.now() + (outcome.retryAfterMs ?? 0);
          throw new StopRun(
            'RATE_LIMITED',
            `the daily request limit is reached; try again after ${new Date(until).toISOString()}`,
          );
        }
        limiter.slowDown();
        limiter.pauseUntil(
          clock.now() + (outcome.retryAfterMs ?? fullJitterBackoff(attempt, random)),
        );
        spendRetry();
        report();
        return pushBatch(items, attempt + 1);
      }
      case 'transient':
        if (attempt + 1 >= maxAttempts) {
          return settle(
            items,
            'failed',
            `gave up after ${maxAttempts} attempts: ${outcome.message}`,
          );
        }
        spendRetry();
        await clock.sleep(fullJitterBackoff(attempt, random), signal);
        return pushBatch(items, attempt + 1);
      case 'lost': {
        spendRetry();
        const missing = await reconcile(items, `a lost answer (${outcome.message})`);
        return attempt + 1 >= maxAttempts
          ? settle(missing, 'failed', `gave up after ${maxAttempts} attempts: ${outcome.message}`)
          : pushBatch(missing, attempt + 1);
      }
      case 'auth':
        // Refused before anything was done: these rows are plainly not sent.
        forgetSent(items);
        throw new StopRun('AUTH_EXPIRED', `the target refused the credentials: ${outcome.message}`);
    }
  };

  const rejected = async (
    items: PushItem<P>[],
    outcome: Extract<SendOutcome, { kind: 'rejected' }>,
    attempt: number,
  ) => {
    if (items.length === 1) {
      // A refusal may mean "already there" (a re-run, or another admin): say so rather than
      // "failed". Only then is the lookup worth its requests.
      const mayExist = outcome.status === 409 || /exist/i.test(outcome.message);
      const stillMissing = mayExist ? await reconcileExisting(items) : items;
      return settle(stillMissing, 'failed', outcome.message);
    }
    const blamed = items.filter((item) => outcome.blame.includes(item.identity));
    if (blamed.length > 0 && blamed.length < items.length) {
      await pushBatch(blamed, attempt);
      return pushBatch(
        items.filter((item) => !blamed.includes(item)),
        attempt,
      );
    }
    const middle = Math.ceil(items.length / 2);
    await pushBatch(items.slice(0, middle), attempt);
    return pushBatch(items.slice(middle), attempt);
  };

  const reconcileExisting = async (items: PushItem<P>[]): Promise<PushItem<P>[]> => {
    const found = await adapter.lookup(items, pace);
    const present = items.filter((item) => found.has(item.identity));
    await settle(present, 'skipped', 'already exists on the target; left unchanged', found);
    return items.filter((item) => !found.has(item.identity));
  };

  const queue = [...options.batches];
  const stop = (caught: unknown) => {
    if (caught instanceof StopRun) {
      stopped ??= { code: caught.code, reason: caught.message };
    } else if (caught instanceof AppError && caught.code === 'CANCELLED') {
      stopped ??= { code: 'CANCELLED', reason: 'the run was cancelled' };
    } else if (caught instanceof AppError && (caught.code === 'NETWORK' || caught.code === 'AUTH_EXPIRED' || caught.code === 'RATE_LIMITED')) {
      // A lookup that cannot be done (target down, sign-in refused) stops the run as
      // resumable: sending without looking could create a user twice.
      stopped ??= { code: caught.code, reason: caught.message };
    } else {
      throw caught;
    }
  };
  if (inFlight.length > 0) {
    try {
      const missing = await reconcile(inFlight, 'the run was interrupted');
      const size = Math.max(1, options.batchSize ?? 10);
      for (let start = missing.length - size; start > -size; start -= size) {
        queue.unshift(missing.slice(Math.max(0, start), start + size));
      }
    } catch (caught) {
      stop(caught);
    }
  }
  const worker = async () => {
    while (!stopped) {
      const batch = queue.shift();
      if (!batch) {
        return;
      }
      try {
        await pushBatch(batch);
      } catch (caught) {
        stop(caught);
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => worker());
  await Promise.all(workers);

  if (stopped) {
    // Rows never confirmed are reported as not sent; a row in flight at the stop was
    // journaled as sent, so a later resume looks it up before sending it again.
    const unsettled = [...inFlight, ...options.batches.flat()].filter((item) => !state.results.has(item.row));
    const reason = stopped.reason;
    await settle(unsettled.filter((item) => sentRows.has(item.row)), 'failed', `${NOT_CONFIRMED}${reason}; resume the run to check it`);
    await settle(unsettled.filter((item) => !sentRows.has(item.row)), 'failed', `${NOT_SENT}${reason}`);
  }
  report();
  return {
    results: [...state.results.values()].sort((a, b) => a.row - b.row),
    requests: state.requests,
    retries: state.retries,
    ...(stopped ? { stopped } : {}),
  };
}
