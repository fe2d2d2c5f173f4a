import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ChunkTask } from '../../../shared/validation/packed-rows';
import type { ChunkOutcome } from '../../../shared/validation/validate-chunk';
import { validateWorkerEntry } from './worker-entry';
import type { ValidateWorkerConfig, WorkerReply } from './worker-protocol';

const YOUNG_GENERATION_MB = 4;

interface Waiter {
  resolve: (outcome: ChunkOutcome) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  alive: boolean;
  waiting: Map<number, Waiter>;
}

/**
 * Validate workers for one sheet: each builds the dataset once, then checks chunks of rows.
 *
 * A chunk goes to the worker with the fewest chunks waiting; results come back as promises
 * (the caller restores row order). A worker that dies fails its chunks with INTERNAL;
 * close() terminates every worker and fails what was still waiting, so none is ever left
 * running after the sheet is done, failed or cancelled.
 */
export class ValidatePool {
  private readonly workers: PoolWorker[];
  private nextId = 0;
  private closing = false;

  constructor(size: number, config: ValidateWorkerConfig, workerUrl?: URL) {
    const entry = validateWorkerEntry(workerUrl);
    this.workers = Array.from({ length: size }, () => {
      const member: PoolWorker = {
        worker: new Worker(entry.filename, {
          ...entry.options,
          workerData: config,
          // A worker keeps nothing between chunks: a small young generation is enough, and
          // two workers' heaps otherwise made up a third of the validate command's RSS.
          resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        }),
        ready: false,
        alive: true,
        waiting: new Map(),
      };
      member.worker.on('message', (reply: WorkerReply) => this.onReply(member, reply));
      member.worker.on('error', (error) => this.onDeath(member, error.message));
      member.worker.on('exit', (code) => this.onDeath(member, `it exited with code ${code}`));
      return member;
    });
  }

  /** Workers that have finished starting. */
  get readyCount(): number {
    return this.workers.filter((member) => member.ready && member.alive).length;
  }

  /** Checks a chunk on the least busy worker. The task's typed arrays are moved, not copied. */
  run(task: ChunkTask): Promise<ChunkOutcome> {
    const alive = this.workers.filter((member) => member.alive);
    if (this.closing || alive.length === 0) {
      return Promise.reject(new AppError('INTERNAL', 'The validation workers have stopped.'));
    }
    const member = alive.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.nextId++;
    return new Promise<ChunkOutcome>((resolve, reject) => {
      member.waiting.set(id, { resolve, reject });
      member.worker.postMessage({ id, task }, [
        task.rows.buffer as ArrayBuffer,
        task.lengths.buffer as ArrayBuffer,
      ]);
    });
  }

  /** Terminates every worker; chunks still waiting fail with `reason` (CANCELLED by default). */
  async close(reason?: Error): Promise<void> {
    this.closing = true;
    const error = reason ?? new AppError('CANCELLED', 'Validation was stopped.');
    for (const member of this.workers) {
      member.alive = false;
      failAll(member, error);
    }
    await Promise.all(this.workers.map((member) => member.worker.terminate()));
  }

  private onReply(member: PoolWorker, reply: WorkerReply): void {
    if (reply.type === 'ready') {
      member.ready = true;
      return;
    }
    const waiter = member.waiting.get(reply.id);
    member.waiting.delete(reply.id);
    if (reply.type === 'result') {
      waiter?.resolve(reply.outcome);
    } else {
      waiter?.reject(new AppError('INTERNAL', `A validation worker failed: ${reply.message}`));
    }
  }

  private onDeath(member: PoolWorker, why: string): void {
    if (!member.alive) {
      return;
    }
    member.alive = false;
    failAll(member, new AppError('INTERNAL', `A validation worker stopped: ${why}`));
  }
}

function failAll(member: PoolWorker, error: Error): void {
  for (const waiter of member.waiting.values()) {
    waiter.reject(error);
  }
  member.waiting.clear();
}
