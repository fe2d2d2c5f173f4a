import { AppError } from '../../../shared/errors';
import type { ChunkKeys, ChunkOutcome } from '../../../shared/validation/validate-chunk';
import type { ChunkTask } from '../../../shared/validation/packed-rows';
import { WorkerChannel } from './worker-channel';
import type { ValidateWorkerConfig } from './worker-protocol';

/**
 * The workers of one sheet: validate workers that check chunks of rows (each builds the
 * dataset once), and one claims worker that keeps the unique keys' first claims, so the
 * reading thread, the busiest, only parses and collects.
 *
 * A chunk goes to the validate worker with the fewest waiting; results come back as promises
 * (the caller restores row order and feeds the claims worker in that order). close()
 * terminates every worker and fails what still waits, so none is left running after the
 * sheet is done, failed or cancelled.
 */
export class ValidatePool {
  private readonly validators: WorkerChannel[];
  private readonly claimer: WorkerChannel;
  private closing = false;

  constructor(size: number, config: ValidateWorkerConfig, fields: number, workerUrl?: URL) {
    this.validators = Array.from(
      { length: size },
      () => new WorkerChannel({ role: 'validate', ...config }, workerUrl),
    );
    this.claimer = new WorkerChannel({ role: 'claims', fields, expectedRows: 0 }, workerUrl);
  }

  /** Validate workers that have finished starting. */
  get readyCount(): number {
    return this.validators.filter((worker) => worker.ready && worker.alive).length;
  }

  /** Checks a chunk on the least busy validate worker. */
  async run(task: ChunkTask): Promise<ChunkOutcome> {
    const alive = this.validators.filter((worker) => worker.alive);
    if (this.closing || alive.length === 0) {
      throw new AppError('INTERNAL', 'The validation workers have stopped.');
    }
    const worker = alive.reduce((a, b) => (b.load < a.load ? b : a));
    // The typed arrays are small: copying them costs less than transferring.
    const reply = await worker.call({ task }, []);
    if (reply.type !== 'result') {
      throw new AppError('INTERNAL', 'A validate worker answered out of turn.');
    }
    return reply.outcome;
  }

  /**
   * Claims a chunk's unique keys on the claims worker: call in row order. Resolves with the
   * repeats (KeyClaims.claim). The keys' buffer moves to the worker.
   */
  async claim(keys: ChunkKeys, rows: Int32Array, expectedRows: number): Promise<Int32Array> {
    const reply = await this.claimer.call({ keys, rows, expectedRows }, [
      keys.buffer as ArrayBuffer,
    ]);
    if (reply.type !== 'claimed') {
      throw new AppError('INTERNAL', 'The claims worker answered out of turn.');
    }
    return reply.hits;
  }

  /** Terminates every worker; requests still waiting fail with `reason` (CANCELLED by default). */
  async close(reason?: Error): Promise<void> {
    this.closing = true;
    const error = reason ?? new AppError('CANCELLED', 'Validation was stopped.');
    await Promise.all([...this.validators, this.claimer].map((worker) => worker.terminate(error)));
  }
}
