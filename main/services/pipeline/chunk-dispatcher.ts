import type { ChunkOutcome } from '../../../shared/validation/validate-chunk';
import { chunkTask, type ChunkTask } from '../../../shared/validation/packed-rows';
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
  }[] = [];

  constructor(private readonly opts: DispatcherOptions) {}

  /** Queues a batch; waits while too many are outstanding. */
  async submit(batch: RowBatch): Promise<void> {
    this.pending.push({ batch, outcome: this.check(batch) });
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
    const task = chunkTask(
      batch.sent.map((i) => batch.rows[i]!),
      batch.sent.map((i) => batch.packed[i]!),
      this.opts.collector.wantsIssues(),
    );
    const { pool } = this.opts;
    if (!pool || (this.opts.inlineWhileStarting && pool.readyCount === 0)) {
      return this.opts.inline(task);
    }
    const outcome = pool.run(task);
    // Awaited in order by settle(); this keeps a failure of a later chunk, after an earlier
    // one already failed the run, from surfacing as an unhandled rejection.
    outcome.catch(() => undefined);
    return outcome;
  }

  private async settle(limit: number): Promise<void> {
    while (this.pending.length > limit) {
      const head = this.pending.shift()!;
      this.opts.collector.add(head.batch, await head.outcome);
    }
  }
}
