import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBatches } from '../../../../main/services/push/batch-runner';
import type {
  PushAdapter,
  PushItem,
  SendOutcome,
} from '../../../../main/services/push/push-adapter';
import { RateLimiter } from '../../../../main/services/push/rate-limiter';
import { Journal } from '../../../../main/services/runs/journal';
import { VirtualClock } from '../../../helpers/virtual-clock';

type User = { email: string; bad?: boolean };

/** An in-memory target that applies batches all-or-nothing, like Zoom's batch endpoint. */
class FakeTarget implements PushAdapter<User> {
  readonly remote = new Map<string, string>();
  readonly script: ((items: PushItem<User>[]) => SendOutcome | 'apply-then-lose' | undefined)[] =
    [];
  sends = 0;
  lookups = 0;

  async send(items: PushItem<User>[]): Promise<SendOutcome> {
    this.sends += 1;
    const scripted = this.script.shift()?.(items);
    if (scripted === 'apply-then-lose') {
      this.apply(items);
      return { kind: 'lost', message: 'connection reset' };
    }
    if (scripted) {
      return scripted;
    }
    const bad = items.find((item) => item.payload.bad);
    if (bad) {
      return { kind: 'rejected', status: 400, message: 'Invalid field in batch', blame: [] };
    }
    return { kind: 'accepted', created: this.apply(items) };
  }

  async lookup(items: PushItem<User>[]): Promise<Map<string, string>> {
    this.lookups += 1;
    return new Map(
      items
        .filter((item) => this.remote.has(item.identity))
        .map((item) => [item.identity, this.remote.get(item.identity) ?? '']),
    );
  }

  private apply(items: PushItem<User>[]): Map<string, string> {
    const created = new Map<string, string>();
    for (const item of items) {
      if (this.remote.has(item.identity)) {
        throw new Error(`duplicate create of ${item.identity}`);
      }
      const id = `id-${item.identity}`;
      this.remote.set(item.identity, id);
      created.set(item.identity, id);
    }
    return created;
  }
}

function batchesOf(count: number, size = 10, bad: number[] = []): PushItem<User>[][] {
  const items = Array.from({ length: count }, (_, i) => {
    const email = `user${i + 2}@example.com`;
    return { row: i + 2, identity: email, payload: { email, bad: bad.includes(i + 2) } };
  });
  const batches: PushItem<User>[][] = [];
  for (let i = 0; i < items.length; i += size) {
    batches.push(items.slice(i, i + size));
  }
  return batches;
}

describe('runBatches', () => {
  let dir: string;
  let journal: Journal;
  let clock: VirtualClock;
  let target: FakeTarget;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-runner-'));
    journal = await Journal.open(join(dir, 'journal.ndjson'));
    clock = new VirtualClock();
    target = new FakeTarget();
  });
  afterEach(async () => {
    await journal.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  const run = (
    batches: PushItem<User>[][],
    extra: Partial<Parameters<typeof runBatches<User>>[0]> = {},
  ) =>
    runBatches<User>({
      adapter: target,
      batches,
      journal,
      limiter: new RateLimiter(10, 10, clock),
      clock,
      random: () => 0.5,
      ...extra,
    });

  it('creates every row in batches of at most 10 and settles each row once', async () => {
    const outcome = await run(batchesOf(25));
    expect(outcome.results).toHaveLength(25);
    expect(outcome.results.every((result) => result.status === 'created' && result.id)).toBe(true);
    expect(target.sends).toBe(3);
    expect(outcome.requests).toBe(3);
    expect(target.remote.size).toBe(25);
  });

  it('bisects a refused batch until the bad row is isolated and sends the good rows', async () => {
    const outcome = await run(batchesOf(10, 10, [7]));
    const failed = outcome.results.filter((result) => result.status === 'failed');
    expect(failed.map((result) => result.row)).toEqual([7]);
    expect(failed[0]?.message).toContain('Invalid field');
    expect(outcome.results.filter((result) => result.status === 'created')).toHaveLength(9);
    expect(target.remote.size).toBe(9);
  });

  it('isolates the row a refusal names without bisecting the rest', async () => {
    const refuseRow5 = (items: PushItem<User>[]): SendOutcome | undefined =>
      items.some((item) => item.row === 5)
        ? {
            kind: 'rejected',
            status: 409,
            message: 'Extension number 1004 already exists: user5@example.com',
            blame: ['user5@example.com'],
          }
        : undefined;
    target.script.push(refuseRow5, refuseRow5);
    const outcome = await run(batchesOf(10));
    expect(outcome.results.filter((result) => result.status === 'created')).toHaveLength(9);
    expect(outcome.results.find((result) => result.row === 5)).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('1004 already exists'),
    });
    // the whole batch, the named row alone, the nine others: no bisection
    expect(target.sends).toBe(3);
  });

  it('reconciles a batch whose answer was lost after it was applied, without creating twice', async () => {
    target.script.push(() => 'apply-then-lose');
    const outcome = await run(batchesOf(10));
    expect(outcome.results.every((result) => result.status === 'created')).toBe(true);
    expect(outcome.results[0]?.message).toContain('confirmed by lookup');
    expect(target.sends).toBe(1);
    expect(target.lookups).toBe(1);
    expect(outcome.retries).toBe(1);
  });

  it('waits at least the Retry-After of a 429, then continues', async () => {
    target.script.push(() => ({
      kind: 'rate-limited',
      retryAfterMs: 7000,
      daily: false,
      message: 'Too many requests',
    }));
    const start = clock.now();
    const outcome = await run(batchesOf(5));
    expect(clock.now() - start).toBeGreaterThanOrEqual(7000);
    expect(outcome.results.every((result) => result.status === 'created')).toBe(true);
    expect(outcome.retries).toBe(1);
  });

  it('retries 5xx with backoff and gives up after the attempt limit, reporting the rows failed', async () => {
    for (let i = 0; i < 3; i += 1) {
      target.script.push(() => ({ kind: 'transient', message: 'Zoom answered HTTP 503' }));
    }
    const outcome = await run(batchesOf(3), { maxAttempts: 3 });
    expect(outcome.results.every((result) => result.status === 'failed')).toBe(true);
    expect(outcome.results[0]?.message).toContain('gave up after 3 attempts');
    expect(outcome.retries).toBe(2);
    expect(target.remote.size).toBe(0);
  });

  it('stops on a rejected token and reports unsent rows as failed, not lost', async () => {
    target.script.push(() => ({ kind: 'auth', message: 'Invalid access token. (HTTP 401)' }));
    const outcome = await run(batchesOf(30), { concurrency: 1 });
    expect(outcome.stopped?.code).toBe('AUTH_EXPIRED');
    expect(outcome.results).toHaveLength(30);
    expect(
      outcome.results.every(
        (result) => result.status === 'failed' && result.message.includes('not sent'),
      ),
    ).toBe(true);
  });

  it('stops as resumable when a daily limit is hit, naming the time it can go on', async () => {
    target.script.push(() => ({
      kind: 'rate-limited',
      retryAfterMs: 3_600_000,
      daily: true,
      message: 'daily limit',
    }));
    const outcome = await run(batchesOf(10), { concurrency: 1 });
    expect(outcome.stopped?.code).toBe('RATE_LIMITED');
    expect(outcome.stopped?.reason).toMatch(/daily request limit.*T/);
  });

  it('reconciles a batch answered with fewer users than were sent', async () => {
    target.script.push((items) => {
      const partial = new Map<string, string>();
      for (const item of items) {
        target.remote.set(item.identity, `id-${item.identity}`);
      }
      for (const item of items.slice(0, 7)) {
        partial.set(item.identity, `id-${item.identity}`);
      }
      return { kind: 'accepted', created: partial };
    });
    const outcome = await run(batchesOf(10));
    expect(outcome.results.filter((result) => result.status === 'created')).toHaveLength(10);
    expect(outcome.results.filter((result) => result.message.includes('lookup'))).toHaveLength(3);
  });

  it('journals each request before its answer and every row outcome', async () => {
    await run(batchesOf(12));
    await journal.close();
    const entries = await Journal.read(join(dir, 'journal.ndjson'));
    const kinds = entries.map((entry) => entry.t);
    expect(kinds.indexOf('send')).toBeLessThan(kinds.indexOf('answer'));
    expect(entries.filter((entry) => entry.t === 'row')).toHaveLength(12);
    expect(JSON.stringify(entries)).not.toMatch(/Bearer|token/i);
  });

  it('calls a row created, not skipped, when a retry after an unclear 5xx finds it already made', async () => {
    // The first send is applied, but the answer is a 503; the retry meets "already exists".
    target.script.push((items) => {
      for (const item of items) {
        target.remote.set(item.identity, `id-${item.identity}`);
      }
      return { kind: 'transient', message: 'Zoom answered HTTP 503' };
    });
    target.script.push((items) => ({
      kind: 'rejected',
      status: 409,
      message: `User already exists: ${items[0]?.identity}`,
      blame: [],
    }));
    const outcome = await run(batchesOf(1));
    expect(outcome.results[0]).toMatchObject({ status: 'created', id: 'id-user2@example.com' });
    expect(target.remote.size).toBe(1);
  });

  it('looks a batch up before calling it failed after the last 5xx, since it may have gone through', async () => {
    for (let i = 0; i < 2; i += 1) {
      target.script.push((items) => {
        for (const item of items) {
          target.remote.set(item.identity, `id-${item.identity}`);
        }
        return { kind: 'transient', message: 'Zoom answered HTTP 500' };
      });
    }
    const outcome = await run(batchesOf(3), { maxAttempts: 1 });
    expect(outcome.results.every((result) => result.status === 'created')).toBe(true);
    expect(target.lookups).toBe(1);
  });

  it('fails every row of a batch refused as a whole (no such account) without splitting it', async () => {
    target.script.push(() => ({
      kind: 'rejected',
      status: 404,
      message: 'Account does not exist: sub-9.',
      blame: [],
      whole: true,
    }));
    const outcome = await run(batchesOf(10));
    expect(target.sends).toBe(1);
    expect(target.lookups).toBe(0);
    expect(outcome.results).toHaveLength(10);
    expect(
      outcome.results.every(
        (result) =>
          result.status === 'failed' && result.message === 'Account does not exist: sub-9.',
      ),
    ).toBe(true);
  });

  it('stops taking batches when cancelled, letting the request in flight finish', async () => {
    const controller = new AbortController();
    target.script.push((items) => {
      controller.abort();
      return {
        kind: 'accepted',
        created: new Map(items.map((item) => [item.identity, `id-${item.identity}`])),
      };
    });
    const outcome = await run(batchesOf(30), { concurrency: 1, signal: controller.signal });
    expect(outcome.stopped?.code).toBe('CANCELLED');
    expect(outcome.results.filter((result) => result.status === 'created')).toHaveLength(10);
    expect(outcome.results.filter((result) => result.status === 'failed')).toHaveLength(20);
  });
});
