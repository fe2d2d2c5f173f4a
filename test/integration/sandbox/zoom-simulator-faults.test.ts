import { afterEach, describe, expect, it } from 'vitest';
import { startZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import type {
  ZoomSimulator,
  ZoomSimulatorOptions,
} from '../../../main/sandbox/zoom/zoom-simulator';
import type { ZoomFault } from '../../../main/sandbox/zoom/zoom-faults';
import { callSimulator, validBatchUsers } from '../../helpers/zoom-simulator-client';

const running: ZoomSimulator[] = [];
async function simulator(options: ZoomSimulatorOptions = {}): Promise<ZoomSimulator> {
  const sim = await startZoomSimulator(options);
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

const post = (sim: ZoomSimulator, users: unknown) =>
  callSimulator(sim.url, 'POST', '/phone/users/batch', { json: { users } });

describe('Zoom simulator: scripted faults', () => {
  const resetAt = new Date(Date.UTC(2030, 0, 1, 0, 0, 0));
  it.each<[string, ZoomFault, number, string | null]>([
    ['500', { kind: 'status', status: 500 }, 500, null],
    ['503 with Retry-After seconds', { kind: 'status', status: 503, retryAfter: 3 }, 503, '3'],
    ['429 with Retry-After seconds', { kind: 'status', status: 429, retryAfter: 7 }, 429, '7'],
    [
      '429 with Retry-After as an HTTP date',
      { kind: 'status', status: 429, retryAfter: resetAt },
      429,
      'Tue, 01 Jan 2030 00:00:00 GMT',
    ],
    ['429 without Retry-After', { kind: 'status', status: 429 }, 429, null],
    [
      '401 (expired token)',
      { kind: 'status', status: 401, message: 'Access token is expired.' },
      401,
      null,
    ],
  ])(
    'answers a %s fault once without creating anything, then serves normally',
    async (_name, fault, status, retryAfter) => {
      const sim = await simulator();
      sim.faults.enqueue('batch-add-users', fault);

      const faulted = await post(sim, validBatchUsers(2));

      expect(faulted.status).toBe(status);
      expect(faulted.headers.get('retry-after')).toBe(retryAfter);
      expect(faulted.body).toMatchObject({ code: status === 401 ? 124 : status });
      expect(sim.state.count()).toBe(0);
      expect(sim.state.requests.at(-1)).toMatchObject({ status, fault: 'status' });
      expect((await post(sim, validBatchUsers(2))).status).toBe(201);
    },
  );

  it('sends the per-second message and QPS headers on a scripted 429', async () => {
    const sim = await simulator();
    sim.faults.enqueue('list-users', { kind: 'status', status: 429, retryAfter: 2 });
    const answer = await callSimulator(sim.url, 'GET', '/phone/users');
    expect(answer.status).toBe(429);
    expect((answer.body as { message: string }).message).toMatch(/per-second rate limit/);
    expect(answer.headers.get('x-ratelimit-type')).toBe('QPS');
  });

  it("answers the daily-limit 429 with Zoom's message and Retry-After at the next midnight UTC", async () => {
    const now = Date.UTC(2026, 4, 17, 15, 30);
    const sim = await simulator({ now: () => now });
    sim.faults.enqueue('batch-add-users', { kind: 'daily-limit' });

    const answer = await post(sim, validBatchUsers(1));

    expect(answer.status).toBe(429);
    expect(answer.body).toEqual({
      code: 429,
      message:
        'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
    });
    expect(answer.headers.get('x-ratelimit-type')).toBe('Daily-limit');
    expect(answer.headers.get('retry-after')).toBe('Mon, 18 May 2026 00:00:00 GMT');
    expect(sim.state.count()).toBe(0);
  });

  it('drops the connection before applying: the client sees a network error and nothing is created', async () => {
    const sim = await simulator();
    sim.faults.enqueue('batch-add-users', { kind: 'drop-before-apply' });

    await expect(post(sim, validBatchUsers(3))).rejects.toThrow();

    expect(sim.state.count()).toBe(0);
    expect(sim.state.requests.at(-1)).toMatchObject({ status: null, fault: 'drop-before-apply' });
  });

  it('drops the connection after applying: the client sees a network error but every user was created', async () => {
    const sim = await simulator();
    sim.faults.enqueue('batch-add-users', { kind: 'drop-after-apply' });

    await expect(post(sim, validBatchUsers(3))).rejects.toThrow();

    expect(sim.state.list().map((user) => user.email)).toEqual([
      'new1@example.com',
      'new2@example.com',
      'new3@example.com',
    ]);
    // The lost batch, re-sent as is, now meets the users it created.
    expect((await post(sim, validBatchUsers(3))).status).toBe(409);
  });

  it('answers 201 listing only 7 of 10 created users on a partial-success fault', async () => {
    const sim = await simulator();
    sim.faults.enqueue('batch-add-users', { kind: 'partial-success', listed: 7 });

    const answer = await post(sim, validBatchUsers(10));

    expect(answer.status).toBe(201);
    const listed = answer.body as { email: string; id: string }[];
    expect(listed).toHaveLength(7);
    expect(sim.state.count()).toBe(10);
    for (const item of listed) {
      expect(sim.state.findByEmail(item.email)?.id).toBe(item.id);
    }
  });

  it('still validates under a partial-success fault: a refused batch stays refused', async () => {
    const sim = await simulator();
    sim.faults.enqueue('batch-add-users', { kind: 'partial-success', listed: 1 });
    expect((await post(sim, validBatchUsers(11))).status).toBe(400);
    expect(sim.faults.pending()).toBe(0);
  });

  it('applies a fault to the next N requests of its route only, and "*" to any route', async () => {
    const sim = await simulator();
    sim.faults
      .enqueue('list-users', { kind: 'status', status: 503 }, 2)
      .enqueue('*', { kind: 'status', status: 500 });
    expect(sim.faults.pending('batch-add-users')).toBe(1);

    const statuses: number[] = [];
    statuses.push((await post(sim, validBatchUsers(1))).status);
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await callSimulator(sim.url, 'GET', '/phone/users')).status);
    }
    statuses.push((await callSimulator(sim.url, 'GET', '/phone/users')).status);

    expect(statuses).toEqual([500, 503, 503, 200, 200]);
    expect(sim.faults.pending()).toBe(0);
  });

  it('does not spend faults on unknown routes, and clear() drops the script', async () => {
    const sim = await simulator();
    sim.faults.enqueue('*', { kind: 'status', status: 500 });
    expect((await callSimulator(sim.url, 'GET', '/nowhere')).status).toBe(404);
    expect(sim.faults.pending()).toBe(1);
    sim.faults.clear();
    expect((await callSimulator(sim.url, 'GET', '/phone/users')).status).toBe(200);
  });
});
