import type { Clock } from '../../main/services/push/rate-limiter';

/**
 * A clock whose sleeps return at once and move virtual time forward, so rate limits and
 * backoffs can be checked exactly, without waiting and without flaky timing.
 */
export class VirtualClock implements Clock {
  private time: number;
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2026, 10, 24, 9, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    await Promise.resolve();
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
