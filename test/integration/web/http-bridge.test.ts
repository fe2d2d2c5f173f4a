import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../../../main/app/event-hub';
import { createRouter, type Handlers } from '../../../main/ipc/router';
import { silentLogger } from '../../../main/lib/logger';
import { startWebServer, type WebServer } from '../../../main/web/web-server';
import { createHttpApi } from '../../../renderer/api/bridge';
import { BridgeError, unwrap } from '../../../renderer/api/unwrap';
import type { JobEvent } from '../../../shared/ipc/contract';

// The renderer's browser-mode transport against the real server: the same code path the UI
// takes in Chromium, minus the page (Node has fetch and web streams).

const handlers = {
  'app:info': () =>
    Promise.resolve({ version: '1.2.3', mode: 'browser' as const, connections: [] }),
  'jobs:cancel': () => Promise.resolve({ cancelled: true }),
} as unknown as Handlers;

const events = createEventHub();
let server: WebServer;
let staticDir: string;

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'batchline-bridge-'));
  const services = {
    router: createRouter(handlers, silentLogger),
    events,
    dataDir: staticDir,
    close: async () => {},
  };
  server = await startWebServer({ services, staticDir, log: silentLogger });
});

afterAll(async () => {
  await server.close();
  await rm(staticDir, { recursive: true, force: true });
});

describe('renderer HTTP bridge', () => {
  it('calls named functions over /rpc and resolves to Results', async () => {
    const api = createHttpApi({ base: server.origin, secret: server.secret, fetch });
    expect(await api.app.info({})).toEqual({
      ok: true,
      value: { version: '1.2.3', mode: 'browser', connections: [] },
    });
    expect(unwrap(await api.jobs.cancel({ jobId: 'j1' }))).toEqual({ cancelled: true });
  });

  it('turns router refusals into Results, and unwrap into a BridgeError carrying the error', async () => {
    const api = createHttpApi({ base: server.origin, secret: server.secret, fetch });
    const bad = await api.jobs.cancel({ jobId: 'not/valid' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    expect(() => unwrap(bad)).toThrow(BridgeError);
    try {
      unwrap(bad);
    } catch (caught) {
      expect(caught instanceof BridgeError && caught.code).toBe('IPC_INVALID_ARGS');
    }
  });

  it('answers IPC_FORBIDDEN for a wrong or missing secret, NETWORK when the server is gone', async () => {
    const wrong = createHttpApi({ base: server.origin, secret: 'wrong', fetch });
    expect(await wrong.app.info({})).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    const missing = createHttpApi({ base: server.origin, secret: null, fetch });
    expect(await missing.app.info({})).toMatchObject({
      ok: false,
      error: { code: 'IPC_FORBIDDEN' },
    });
    const gone = createHttpApi({ base: 'http://127.0.0.1:1', secret: 'x', fetch });
    expect(await gone.app.info({})).toMatchObject({
      ok: false,
      error: { code: 'NETWORK', retryable: true },
    });
  });

  it('delivers job events emitted in main to onJobEvent listeners', async () => {
    const api = createHttpApi({ base: server.origin, secret: server.secret, fetch });
    const got: JobEvent[] = [];
    const off = api.onJobEvent((event) => got.push(event));
    const sent: JobEvent = { type: 'cancelled', jobId: 'job-7' };
    // The listener is attached once the stream is open; emit until it arrives.
    await expect
      .poll(() => {
        if (got.length === 0) {
          events.emit(sent);
        }
        return got[0];
      })
      .toEqual(sent);
    off();
  });
});
