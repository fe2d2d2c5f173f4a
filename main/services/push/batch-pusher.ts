import type { RowResult } from '../../../shared/jobs/run-types';
import type { Journal } from '../runs/journal';
import type { PushAdapter, PushItem, SendOutcome } from './push-adapter';
import { StopRun, type RunStop } from './push-stop';
import type { PushState } from './push-state';
import type { Clock, RateLimiter } from './rate-limiter';
import { fullJitterBackoff } from './retry-after';

/** What one run's batches share: the target, the journal, the limiter, the counters. */
export interface PusherContext<P> {
  adapter: PushAdapter<P>;
  journal: Journal;
  limiter: RateLimiter;
  state: PushState;
  clock: Clock;
  random: () => number;
  maxAttempts: number;
  retryBudget: number;
  firstRequest: number;
  signal: AbortSignal | undefined;
  /** The stop another worker decided, if any: nothing more is sent once it is set. */
  stopped: () => RunStop | undefined;
  report: () => void;
}

/**
 * Sends batches and settles their rows: retries what is worth retrying, bisects refusals so
 * good rows still go in, and looks things up before sending again whenever an answer left
 * the outcome in doubt. Every request is journaled before it goes out.
 */
export class BatchPusher<P> {
  /** Rows sent at least once: if the run stops before they settle, their outcome is unknown. */
  readonly sentRows = new Set<number>();
  /** Rows whose last answer was unclear (5xx, lost): finding them later means we made them. */
  private readonly uncertain = new Set<number>();
  private requestSeq: number;
  private retryBudget: number;
  readonly pace = async (): Promise<void> => {
    await this.ctx.limiter.acquire(this.ctx.signal);
    this.ctx.state.requests += 1;
  };

  constructor(private readonly ctx: PusherContext<P>) {
    this.requestSeq = ctx.firstRequest - 1;
    this.retryBudget = ctx.retryBudget;
  }

  /** Records final outcomes (first one wins) in the journal, in one flushed write. */
  async settle(
    items: PushItem<P>[],
    status: RowResult['status'],
    message: string,
    ids?: Map<string, string>,
  ): Promise<void> {
    const settled: RowResult[] = [];
    for (const item of items) {
      const id = ids?.get(item.identity);
      const result: RowResult = { row: item.row, status, message, ...(id ? { id } : {}) };
      if (this.ctx.state.settle(result)) {
        settled.push(result);
      }
    }
    if (settled.length > 0) {
      await this.ctx.journal.appendMany(
        settled.map((result) => ({ t: 'row' as const, ...result })),
      );
    }
    this.ctx.report();
  }

  /**
   * Settles items found on the target as created; returns the ones still missing. Updates
   * are never looked up: the record existed before, and sending an update again is harmless.
   */
  async reconcile(items: PushItem<P>[], why: string): Promise<PushItem<P>[]> {
    const creates = items.filter((item) => item.updateId === undefined);
    const updates = items.filter((item) => item.updateId !== undefined);
    if (creates.length === 0) {
      return updates;
    }
    const found = await this.ctx.adapter.lookup(creates, this.pace);
    const present = creates.filter((item) => found.has(item.identity));
    await this.settle(present, 'created', `created (confirmed by lookup after ${why})`, found);
    return [...creates.filter((item) => !found.has(item.identity)), ...updates];
  }

  /** Pushes one batch to a final outcome for each of its rows, or throws StopRun. */
  async push(items: PushItem<P>[], attempt = 0): Promise<void> {
    if (items.length === 0) {
      return;
    }
    if (this.ctx.signal?.aborted) {
      throw new StopRun('CANCELLED', 'the run was cancelled');
    }
    const outcome = await this.sendOnce(items, attempt);
    const { clock, limiter, maxAttempts } = this.ctx;
    switch (outcome.kind) {
      case 'accepted': {
        limiter.recover();
        const updated = items.filter((item) => item.updateId !== undefined);
        if (updated.length > 0) {
          const ids = new Map(updated.map((item) => [item.identity, item.updateId ?? '']));
          await this.settle(updated, 'updated', 'updated', ids);
        }
        const creates = items.filter((item) => item.updateId === undefined);
        const created = creates.filter((item) => outcome.created.has(item.identity));
        await this.settle(created, 'created', 'created', outcome.created);
        const unlisted = creates.filter((item) => !outcome.created.has(item.identity));
        if (unlisted.length > 0) {
          const missing = await this.reconcile(unlisted, 'an answer that did not list them');
          await this.settle(
            missing,
            'failed',
            'the target accepted the request but did not create this row',
          );
        }
        return;
      }
      case 'rejected':
        return this.rejected(items, outcome, attempt);
      case 'rate-limited':
        if (outcome.daily) {
          this.forgetSent(items);
          const until = clock.now() + (outcome.retryAfterMs ?? 0);
          throw new StopRun(
            'RATE_LIMITED',
            `the daily request limit is reached; try again after ${new Date(until).toISOString()}`,
          );
        }
        limiter.slowDown();
        limiter.pauseUntil(
          clock.now() + (outcome.retryAfterMs ?? fullJitterBackoff(attempt, this.ctx.random)),
        );
        this.spendRetry();
        this.ctx.report();
        return this.push(items, attempt + 1);
      case 'transient':
        this.markUncertain(items);
        if (attempt + 1 >= maxAttempts) {
          // A 5xx may come after the change was made: look before calling the rows failed.
          const missing = await this.reconcile(items, `an unclear answer (${outcome.message})`);
          return this.settle(
            missing,
            'failed',
            `gave up after ${maxAttempts} attempts: ${outcome.message}`,
          );
        }
        this.spendRetry();
        await clock.sleep(fullJitterBackoff(attempt, this.ctx.random), this.ctx.signal);
        return this.push(items, attempt + 1);
      case 'lost': {
        this.markUncertain(items);
        this.spendRetry();
        const missing = await this.reconcile(items, `a lost answer (${outcome.message})`);
        return attempt + 1 >= maxAttempts
          ? this.settle(
              missing,
              'failed',
              `gave up after ${maxAttempts} attempts: ${outcome.message}`,
            )
          : this.push(missing, attempt + 1);
      }
      case 'auth':
        // Refused before anything was done: these rows are plainly not sent.
        this.forgetSent(items);
        throw new StopRun('AUTH_EXPIRED', `the target refused the credentials: ${outcome.message}`);
    }
  }

  private async sendOnce(items: PushItem<P>[], attempt: number): Promise<SendOutcome> {
    await this.ctx.limiter.acquire(this.ctx.signal);
    const stopped = this.ctx.stopped();
    if (stopped) {
      // Another worker stopped the run while this one waited for its turn: send nothing more.
      throw new StopRun(stopped.code, stopped.reason);
    }
    const request = ++this.requestSeq;
    await this.ctx.journal.append({
      t: 'send',
      request,
      attempt,
      rows: items.map((item) => item.row),
    });
    for (const item of items) {
      this.sentRows.add(item.row);
    }
    this.ctx.state.requests += 1;
    // No abort signal here: a cancel lets the request in flight finish, so its answer is
    // journaled instead of leaving the rows in doubt.
    const outcome = await this.ctx.adapter.send(items);
    const status = outcome.kind === 'rejected' ? { status: outcome.status } : {};
    const message = outcome.kind === 'accepted' ? {} : { message: outcome.message };
    await this.ctx.journal.append({
      t: 'answer',
      request,
      outcome: outcome.kind,
      ...status,
      ...message,
    });
    return outcome;
  }

  private async rejected(
    items: PushItem<P>[],
    outcome: Extract<SendOutcome, { kind: 'rejected' }>,
    attempt: number,
  ): Promise<void> {
    if (outcome.whole === true) {
      // Every half would be refused the same way: fail them all with the target's words.
      return this.settle(items, 'failed', outcome.message);
    }
    if (items.length === 1) {
      // A refusal may mean "already there" (a re-run, another admin, or our own earlier
      // attempt whose answer was unclear): say which rather than "failed".
      const mayExist =
        items[0]?.updateId === undefined &&
        (outcome.status === 409 || /exist/i.test(outcome.message));
      const stillMissing = mayExist ? await this.reconcileExisting(items) : items;
      return this.settle(stillMissing, 'failed', outcome.message);
    }
    const blamed = items.filter((item) => outcome.blame.includes(item.identity));
    if (blamed.length > 0 && blamed.length < items.length) {
      await this.push(blamed, attempt);
      return this.push(
        items.filter((item) => !blamed.includes(item)),
        attempt,
      );
    }
    const middle = Math.ceil(items.length / 2);
    await this.push(items.slice(0, middle), attempt);
    return this.push(items.slice(middle), attempt);
  }

  private async reconcileExisting(items: PushItem<P>[]): Promise<PushItem<P>[]> {
    const found = await this.ctx.adapter.lookup(items, this.pace);
    const ours = items.filter((item) => found.has(item.identity) && this.uncertain.has(item.row));
    const theirs = items.filter(
      (item) => found.has(item.identity) && !this.uncertain.has(item.row),
    );
    await this.settle(
      ours,
      'created',
      'created (an earlier attempt went through; confirmed by lookup)',
      found,
    );
    await this.settle(theirs, 'skipped', 'already exists on the target; left unchanged', found);
    return items.filter((item) => !found.has(item.identity));
  }

  private spendRetry(): void {
    this.ctx.state.retries += 1;
    this.retryBudget -= 1;
    if (this.retryBudget < 0) {
      throw new StopRun(
        'NETWORK',
        'the retry budget of the run is spent (the target keeps failing)',
      );
    }
  }

  private markUncertain(items: PushItem<P>[]): void {
    for (const item of items) {
      this.uncertain.add(item.row);
    }
  }

  private forgetSent(items: PushItem<P>[]): void {
    for (const item of items) {
      this.sentRows.delete(item.row);
    }
  }
}
