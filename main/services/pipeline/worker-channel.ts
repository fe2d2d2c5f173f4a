import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { validateWorkerEntry } from './worker-entry';
import type { WorkerConfig, WorkerReply, WorkerRequest } from './worker-protocol';

// A worker keeps nothing between requests: a small young generation is enough, and the
// workers' heaps were otherwise a third of the validate command's RSS.
const YOUNG_GENERATION_MB = 8;

type Answer = Exclude<WorkerReply, { type: 'ready' } | { type: 'error' }>;

interface Waiter {
  resolve: (reply: Answer) => void;
  reject: (error: Error) => void;
}

/**
 * One pipeline worker and the requests waiting on it, answered in order. A worker that dies
 * fails what waits with INTERNAL; terminate() fails it with the given reason.
 */
export class WorkerChannel {
  ready = false;
  alive = true;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 0;

  constructor(config: WorkerConfig, workerUrl?: URL) {
    const entry = validateWorkerEntry(workerUrl);
    this.worker = new Worker(entry.filename, {
      ...entry.options,
      workerData: config,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    this.worker.on('error', (error) => this.fail(`A pipeline worker stopped: ${error.message}`));
    this.worker.on('exit', (code) => this.fail(`A pipeline worker exited with code ${code}`));
  }

  /** Requests waiting for an answer. */
  get load(): number {
    return this.waiting.size;
  }

  /** Sends a request; `transfer` lists buffers that move to the worker. */
  call(request: Omit<WorkerRequest, 'id'>, transfer: ArrayBuffer[]): Promise<Answer> {
    if (!this.alive) {
      return Promise.reject(new AppError('INTERNAL', 'The pipeline workers have stopped.'));
    }
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Terminates the worker; requests still waiting fail with `reason`. */
  async terminate(reason: Error): Promise<void> {
    this.alive = false;
    this.failAll(reason);
    await this.worker.terminate();
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type === 'ready') {
      this.ready = true;
      return;
    }
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (reply.type === 'error') {
      waiter?.reject(new AppError('INTERNAL', `A pipeline worker failed: ${reply.message}`));
    } else {
      waiter?.resolve(reply);
    }
  }

  private fail(why: string): void {
    if (this.alive) {
      this.alive = false;
      this.failAll(new AppError('INTERNAL', why));
    }
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) {
      waiter.reject(error);
    }
    this.waiting.clear();
  }
}
