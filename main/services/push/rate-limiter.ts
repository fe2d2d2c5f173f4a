import { AppError } from '../../../shared/errors';

/** Clock and timer, injectable so tests control time. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock; sleeping rejects with CANCELLED when the signal aborts. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new AppError('CANCELLED', 'The run was cancelled.'));
        return;
      }
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      const onAbort = () => {
        clearTimeout(timer);
        reject(new AppError('CANCELLED', 'The run was cancelled.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * A token bucket shared by every worker of a run, so the run as a whole stays under the
 * target's published rate, plus a shared pause for Retry-After: when the server says
 * "wait", nobody sends to that account until the time has passed.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  private readonly maxRate: number;

  constructor(
    private ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.maxRate = ratePerSecond;
    this.tokens = burst;
    this.last = clock.now();
  }

  /** The current rate in requests per second. */
  get rate(): number {
    return this.ratePerSecond;
  }

  /** Lowers the rate (after a 429) but never below a floor that still makes progress. */
  slowDown(factor = 0.7): void {
    this.ratePerSecond = Math.max(0.5, this.ratePerSecond * factor);
  }

  /**
   * Creeps back toward the configured rate after a success (additive increase, like TCP's
   * AIMD), so one 429 does not slow the rest of a long run for good.
   */
  recover(): void {
    this.ratePerSecond = Math.min(this.maxRate, this.ratePerSecond + this.maxRate * 0.05);
  }

  /** Stops all workers until `until` (epoch ms); a later pause extends, an earlier one is ignored. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** The time the limiter is paused until, or 0. */
  get pausedUntilTime(): number {
    return this.pausedUntil > this.clock.now() ? this.pausedUntil : 0;
  }

  /** Waits for a token; callers are served in order so no worker starves. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.take(signal));
    // The chain must survive a cancelled waiter, or every later acquire would reject too.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) {
        throw new AppError('CANCELLED', 'The run was cancelled.');
      }
      const now = this.clock.now();
      if (this.pausedUntil > now) {
        await this.clock.sleep(this.pausedUntil - now, signal);
        continue;
      }
      this.tokens = Math.min(
        this.burst,
        this.tokens + ((now - this.last) / 1000) * this.ratePerSecond,
      );
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(((1 - this.tokens) / this.ratePerSecond) * 1000, signal);
    }
  }
}
