import type { ChunkOutcome } from '../../../shared/validation/validate-chunk';
import type { ChunkTask } from '../../../shared/validation/packed-rows';
import type {
  RowBatch,
  ValidationCollector,
} from '../../../shared/validation/validation-collector';
import type { ValidatePool } from './worker-pool';

/** Options of a {@link ChunkDispatcher}. */
export interface DispatcherOptions {
  collector: ValidationCollector;
  /** Checks a chunk in this thread (no pool, or while its workers start). */
  inline: (task: ChunkTask) => ChunkOutcome;
  pool?: ValidatePool;
  /** Check chunks here while no worker is ready yet (the CLI; not the app's main thread). */
  inlineWhileStarting: boolean;
  /** Batches sent and not yet collected before submit() waits: bounds memory. */
  maxPending: number;
}

/**
 * Sends batches to be checked and hands their outcomes to the collector in row order,
 * whichever worker finishes first. submit() resolves once fewer than `maxPending` batches are
 * outstanding, which is what pauses the file stream when the workers fall behind.
 */
export class ChunkDispatcher {
  private readonly pending: {
    batch: RowBatch;
    outcome: Promise<ChunkOutcome> | ChunkOutcome | undefined;
    hits: Promise<Int32Array> | undefined;
  }[] = [];
  private claims: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: DispatcherOptions) {}

  /** Queues a batch; waits while too many are outstanding. */
  async submit(batch: RowBatch): Promise<void> {
    const outcome = this.check(batch);
    this.pending.push({ batch, outcome, hits: this.claim(outcome) });
    await this.settle(this.opts.maxPending);
  }

  /** Waits for every batch and collects it. */
  finish(): Promise<void> {
    return this.settle(0);
  }

  private check(batch: RowBatch): Promise<ChunkOutcome> | ChunkOutcome | undefined {
    if (batch.sent.length === 0) {
      return undefined;
    }
    const { text, lengths } = batch.packed.join(batch.sent);
    const task: ChunkTask = {
      rows: Int32Array.from(batch.sent, (i) => batch.rows[i]!),
      lengths,
      text,
      wantIssues: this.opts.collector.wantsIssues(),
    };
    const { pool } = this.opts;
    if (!pool || (this.opts.inlineWhileStarting && pool.readyCount === 0)) {
      return this.opts.inline(task);
    }
    return quiet(pool.run(task));
  }

  /**
   * Sends the chunk's unique keys to the pool's claims worker once the chunk is checked, and
   * after the chunk before it: first claims need row order, whichever worker finished first.
   * Without a pool the collector claims them itself.
   */
  private claim(
    outcome: Promise<ChunkOutcome> | ChunkOutcome | undefined,
  ): Promise<Int32Array> | undefined {
    const { pool, collector } = this.opts;
    if (!pool || outcome === undefined) {
      return undefined;
    }
    const hits = this.claims
      .then(() => outcome)
      .then((checked) => pool.claim(checked.keys, checked.rows, collector.expectedRows));
    this.claims = hits;
    return quiet(hits);
  }

  private async settle(limit: number): Promise<void> {
    while (this.pending.length > limit) {
      const head = this.pending.shift()!;
      const outcome = await head.outcome;
      this.opts.collector.add(head.batch, outcome, await head.hits);
    }
  }
}

/**
 * The promise, with a no-op handler attached: settle() awaits it in order, and this keeps a
 * later chunk's failure, after an earlier one already failed the run, from surfacing as an
 * unhandled rejection.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
