import { describe, expect, it } from 'vitest';
import { createEventStream } from '../../../../renderer/api/event-stream';
import type { JobEvent } from '../../../../shared/ipc/contract';

/** A fake /events endpoint: each fetch gets the next scripted connection. */
function fakeServer() {
  const connections: { push(line: string): void; end(): void; signal: AbortSignal | undefined }[] =
    [];
  const fetchImpl = (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const encoder = new TextEncoder();
    const signal = init?.signal ?? undefined;
    signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
    connections.push({
      push: (line) => controller.enqueue(encoder.encode(line)),
      end: () => controller.close(),
      signal,
    });
    return Promise.resolve(new Response(body, { status: 200 }));
  };
  return { connections, fetch: fetchImpl };
}

const event = (jobId: string): JobEvent => ({ type: 'cancelled', jobId });

describe('createEventStream', () => {
  it('shares one connection between listeners and delivers whole lines only', async () => {
    const server = fakeServer();
    const subscribe = createEventStream({ url: '/events', headers: {}, fetch: server.fetch });
    const a: JobEvent[] = [];
    const b: JobEvent[] = [];
    const offA = subscribe((e) => a.push(e));
    const offB = subscribe((e) => b.push(e));
    await expect.poll(() => server.connections.length).toBe(1);
    const [conn] = server.connections;
    conn!.push('{}\n{"type":"cancelled","jo');
    conn!.push('bId":"j1"}\n');
    await expect.poll(() => a.length).toBe(1);
    expect(a).toEqual([event('j1')]);
    expect(b).toEqual([event('j1')]);
    offA();
    offB();
    expect(conn!.signal?.aborted).toBe(true);
  });

  it('keeps delivering to the others when one listener throws', async () => {
    const server = fakeServer();
    const reported: unknown[] = [];
    const subscribe = createEventStream({
      url: '/events',
      headers: {},
      fetch: server.fetch,
      onListenerError: (e) => reported.push(e),
    });
    const got: JobEvent[] = [];
    const offBad = subscribe(() => {
      throw new Error('listener bug');
    });
    const offGood = subscribe((e) => got.push(e));
    await expect.poll(() => server.connections.length).toBe(1);
    server.connections[0]!.push(`${JSON.stringify(event('j2'))}\n`);
    await expect.poll(() => got.length).toBe(1);
    expect(reported).toHaveLength(1);
    offBad();
    offGood();
  });

  it('reconnects with backoff after the stream drops, and stops when the last listener leaves', async () => {
    const server = fakeServer();
    const subscribe = createEventStream({
      url: '/events',
      headers: {},
      fetch: server.fetch,
      baseDelayMs: 5,
      maxDelayMs: 20,
    });
    const got: JobEvent[] = [];
    const off = subscribe((e) => got.push(e));
    await expect.poll(() => server.connections.length).toBe(1);
    server.connections[0]!.push('{}\n');
    server.connections[0]!.end();
    await expect.poll(() => server.connections.length).toBe(2);
    server.connections[1]!.push(`${JSON.stringify(event('j3'))}\n`);
    await expect.poll(() => got).toEqual([event('j3')]);
    off();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(server.connections).toHaveLength(2);
  });

  it('retries when fetch itself fails or the server refuses', async () => {
    let attempts = 0;
    const failing = (() => {
      attempts += 1;
      return attempts === 1
        ? Promise.reject(new TypeError('fetch failed'))
        : Promise.resolve(new Response('no', { status: 403 }));
    }) as typeof fetch;
    const off = createEventStream({
      url: '/events',
      headers: {},
      fetch: failing,
      baseDelayMs: 2,
      maxDelayMs: 4,
    })(() => {});
    await expect.poll(() => attempts).toBeGreaterThanOrEqual(3);
    off();
  });

  it('treats a silent connection as dead after the idle timeout', async () => {
    const server = fakeServer();
    const off = createEventStream({
      url: '/events',
      headers: {},
      fetch: server.fetch,
      baseDelayMs: 2,
      idleTimeoutMs: 20,
    })(() => {});
    await expect.poll(() => server.connections.length).toBeGreaterThanOrEqual(2);
    expect(server.connections[0]!.signal?.aborted).toBe(true);
    off();
  });
});
