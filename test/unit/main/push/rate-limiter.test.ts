import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../../main/services/push/rate-limiter';
import { VirtualClock } from '../../../helpers/virtual-clock';

describe('RateLimiter', () => {
  it('lets a burst through, then paces requests at the configured rate', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(10, 2, clock);
    const start = clock.now();
    for (let i = 0; i < 22; i += 1) {
      await limiter.acquire();
    }
    // 2 from the burst, then 20 at 10/s = 2 s of virtual time.
    expect(clock.now() - start).toBeGreaterThanOrEqual(1990);
    expect(clock.now() - start).toBeLessThanOrEqual(2010);
  });

  it('holds every caller until a Retry-After pause has passed', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(100, 5, clock);
    limiter.pauseUntil(clock.now() + 7000);
    const start = clock.now();
    await limiter.acquire();
    expect(clock.now() - start).toBeGreaterThanOrEqual(7000);
  });

  it('slows down after a 429 but never to zero', () => {
    const limiter = new RateLimiter(10, 1, new VirtualClock());
    limiter.slowDown(0.5);
    expect(limiter.rate).toBe(5);
    for (let i = 0; i < 50; i += 1) {
      limiter.slowDown(0.5);
    }
    expect(limiter.rate).toBe(0.5);
  });

  it('rejects a waiting caller when the run is cancelled, and keeps serving others', async () => {
    const limiter = new RateLimiter(1, 1, {
      now: () => Date.now(),
      sleep: (ms, signal) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, ms);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('cancelled'));
          });
        }),
    });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow('cancelled');
  });
});
