import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app/app-services';
import { createEventHub } from '../../../main/app/event-hub';
import { createRouter, type Handlers } from '../../../main/ipc/router';
import { createLogger } from '../../../main/lib/logger';
import { CONTENT_SECURITY_POLICY } from '../../../main/web/static-assets';
import { startWebServer, type WebServer } from '../../../main/web/web-server';
import { AppError } from '../../../shared/errors';
import { rawRequest, type RawResponse } from '../../helpers/raw-http';

// Real HTTP on loopback against a router with a couple of fake handlers (injected, no mocks).

/** A raw request: node:http sends Host/Origin/paths exactly as given (fetch would not). */
function raw(
  server: WebServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return rawRequest(server.origin, { ...opts, method: opts.method ?? 'GET' });
}

function rpc(
  server: WebServer,
  channel: string,
  args: unknown,
  headers: Record<string, string> = {},
) {
  return raw(server, {
    method: 'POST',
    path: `/rpc/${channel}`,
    headers: {
      'Content-Type': 'application/json',
      'X-Batchline-Secret': server.secret,
      ...headers,
    },
    body: JSON.stringify(args),
  });
}

const handlers = {
  'app:info': () =>
    Promise.resolve({ version: '9.9.9', mode: 'browser' as const, connections: [] }),
  'jobs:get': ({ jobId }: { jobId: string }) =>
    Promise.reject(new AppError('NOT_FOUND', `No job ${jobId}.`)),
} as unknown as Handlers;

let server: WebServer;
let services: AppServices;
let staticDir: string;
const logLines: string[] = [];
let subscribers = 0;

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'batchline-web-'));
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>batchline</title>');
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(path.dirname(staticDir), 'batchline-outside.txt'), 'secret file');
  const log = createLogger((line) => logLines.push(line));
  const hub = createEventHub();
  // Counts live subscriptions so the test can see the stream unsubscribe on disconnect.
  const events = {
    emit: (event: Parameters<typeof hub.emit>[0]) => hub.emit(event),
    subscribe: (listener: Parameters<typeof hub.subscribe>[0]) => {
      subscribers += 1;
      const unsubscribe = hub.subscribe(listener);
      return () => {
        subscribers -= 1;
        unsubscribe();
      };
    },
  };
  services = {
    router: createRouter(handlers, log),
    events,
    dataDir: staticDir,
    close: async () => {},
  };
  server = await startWebServer({ services, staticDir, log, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await server.close();
  await rm(staticDir, { recursive: true, force: true });
  await rm(path.join(path.dirname(staticDir), 'batchline-outside.txt'), { force: true });
});

describe('browser-mode server', () => {
  it('binds 127.0.0.1 only and puts the secret in the fragment', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#k=${server.secret}`);
    expect(server.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Not listening on every interface: the IPv6 loopback (or any other address) is refused.
    const { port } = new URL(server.origin);
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port: Number(port) });
      socket.on('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    expect(reached).toBe(false);
  });

  it('answers a trusted rpc with the handler result', async () => {
    const res = await rpc(
      server,
      'app:info',
      {},
      { Host: new URL(server.origin).host, Origin: server.origin },
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      value: { version: '9.9.9', mode: 'browser', connections: [] },
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('wraps a thrown AppError as a failed Result with status 200', async () => {
    const res = await rpc(server, 'jobs:get', { jobId: 'abc' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No job abc.', retryable: false },
    });
  });

  it('refuses a call without the secret, or with a wrong one, with 403 IPC_FORBIDDEN', async () => {
    for (const headers of [
      { 'X-Batchline-Secret': '' },
      { 'X-Batchline-Secret': 'x'.repeat(43) },
    ]) {
      const res = await rpc(server, 'app:info', {}, headers);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the secret', async () => {
    const { port } = new URL(server.origin);
    const attempts: Record<string, string>[] = [
      { Host: `evil.example:${port}` },
      { Host: `localhost:${port}` },
      { Origin: 'http://evil.example' },
    ];
    for (const headers of attempts) {
      const res = await rpc(server, 'app:info', {}, headers);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    }
  });

  it('answers an unknown channel and bad arguments with IPC_INVALID_ARGS', async () => {
    const unknown = await rpc(server, 'shell:exec', {});
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_ARGS' },
    });
    const bad = await rpc(server, 'jobs:get', { jobId: '../../etc' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    expect((JSON.parse(bad.body) as { error: { message: string } }).error.message).toContain(
      'jobId',
    );
  });

  it('answers invalid JSON with 400 and a body past the limit with 413', async () => {
    const bad = await raw(server, {
      method: 'POST',
      path: '/rpc/app:info',
      headers: { 'X-Batchline-Secret': server.secret },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    const big = await rpc(server, 'app:info', { pad: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    // Without Content-Length (chunked) the limit is counted as the body arrives.
    const chunked = await rpc(
      server,
      'app:info',
      { pad: 'x'.repeat(70 * 1024) },
      { 'Transfer-Encoding': 'chunked' },
    );
    expect(chunked.status).toBe(413);
  });

  it('serves index.html with the strict CSP and security headers', async () => {
    const res = await raw(server, { path: '/', headers: { Host: new URL(server.origin).host } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>batchline</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-store');
    const js = await raw(server, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses path traversal with 404', async () => {
    for (const attempt of [
      '/../batchline-outside.txt',
      '/%2e%2e/batchline-outside.txt',
      '/assets/..%2f..%2fbatchline-outside.txt',
      '/..%5cbatchline-outside.txt',
      '/%00',
      '/nope.js',
    ]) {
      const res = await raw(server, { path: attempt });
      expect(res.status, attempt).toBe(404);
      expect(res.body).not.toContain('secret file');
    }
  });

  it('streams job events as NDJSON to a trusted client, and refuses an untrusted one', async () => {
    const refused = await fetch(`${server.origin}/events`);
    expect(refused.status).toBe(403);

    const controller = new AbortController();
    const res = await fetch(`${server.origin}/events`, {
      headers: { 'X-Batchline-Secret': server.secret },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    text += (await reader.read()).value ?? '';
    expect(text).toBe('{}\n');
    services.events.emit({ type: 'cancelled', jobId: 'job-1' });
    while (!text.includes('job-1')) {
      text += (await reader.read()).value ?? '';
    }
    expect(text.split('\n')).toContain(JSON.stringify({ type: 'cancelled', jobId: 'job-1' }));
    expect(subscribers).toBe(1);
    controller.abort();
    await expect.poll(() => subscribers).toBe(0);
  });

  it('logs refusals without ever logging the secret', () => {
    expect(logLines.some((line) => line.includes('web.refused'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(server.secret);
  });
});
