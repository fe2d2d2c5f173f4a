import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app/app-services';
import { createAppServices } from '../../../main/app/create-app-services';
import { callerFromIpcEvent, type SenderLike } from '../../../main/electron/app-origin';
import { createLogger } from '../../../main/lib/logger';
import { MAX_RPC_BODY_BYTES } from '../../../main/web/rpc-route';
import { startWebServer, type WebServer } from '../../../main/web/web-server';
import { MAX_MAPPING_ENTRIES } from '../../../shared/datasets/targets';
import { MAX_UPLOAD_BASE64 } from '../../../shared/ipc/contract';
import { rawRequest, type RawResponse } from '../../helpers/raw-http';
import type { Result } from '../../../shared/result';

// BAD-INPUTS case 33, hostile renderer: the real services (every real handler, the real
// contract) behind the router and behind the real HTTP server on loopback. Each attempt must
// be refused with the right code AND leave a log line that names the reason, and no log line
// may hold the browser-mode secret or the values the attacker sent.
//
// Already covered elsewhere, not repeated here:
// - router order (untrusted caller learns nothing), Object.prototype names, handler never
//   called on bad args: test/unit/main/ipc/router.test.ts
// - isTrustedSender's frame rules: test/unit/main/electron/app-origin.test.ts
// - missing/wrong secret, foreign Host/Origin status codes, 400 on bad JSON, 413 with a small
//   limit (declared and chunked), IPv6 loopback not listening, path traversal:
//   test/integration/web/web-server.test.ts
// - window.open, navigation, openExternal: test/unit/main/electron/navigation-policy.test.ts

/** Planted in argument values; must never show up in a log line or grow a reply. */
const MARK = 'HOSTILE-VALUE-7f3a9c';

let dataDir: string;
let services: AppServices;
let server: WebServer;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'batchline-hostile-'));
  const log = createLogger((line) => logLines.push(line));
  services = await createAppServices({ dataDir, mode: 'browser', version: 'test', log });
  server = await startWebServer({ services, staticDir: dataDir, log });
});

afterAll(async () => {
  await server.close();
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `attempt`, then returns the log lines it produced. */
async function logsOf<T>(attempt: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const from = logLines.length;
  const value = await attempt();
  return { value, lines: logLines.slice(from) };
}

type Logged = { level: string; event: string; reason?: string; channel?: string; where?: string };

function parsed(lines: string[]): Logged[] {
  return lines.map((line) => JSON.parse(line) as Logged);
}

/** Exactly one warn line for this refusal, with the reason, and no planted value. */
function expectRefusalLogged(lines: string[], event: string, reason: string): void {
  const matching = parsed(lines).filter((line) => line.event === event);
  expect(matching, `${event} / ${reason} in ${lines.join('\n')}`).toHaveLength(1);
  expect(matching[0]).toMatchObject({ level: 'warn', reason });
  for (const line of lines) {
    expect(line).not.toContain(MARK);
    expect(line.length).toBeLessThan(1200);
  }
}

const top = (url: string) => ({ parent: null, url });
const ours = (id: number) => id === 1;
function ipcEvent(frame: SenderLike['senderFrame'], id = 1): SenderLike {
  return { senderFrame: frame, sender: { id } };
}

describe('hostile renderer through the router (what Electron IPC reaches)', () => {
  it('trusts only the top frame of our window on app://batchline', async () => {
    const caller = callerFromIpcEvent(ipcEvent(top('app://batchline/index.html')), ours);
    expect(caller.trusted).toBe(true);
    const result = await services.router.dispatch('app:info', {}, caller);
    expect(result.ok).toBe(true);
  });

  it.each<[string, SenderLike]>([
    [
      'a sub-frame of ours',
      ipcEvent({ parent: top('app://batchline/'), url: 'app://batchline/x' }),
    ],
    [
      'a foreign iframe',
      ipcEvent({ parent: top('app://batchline/'), url: 'https://evil.example/' }),
    ],
    ['a top frame navigated away', ipcEvent(top(`https://evil.example/?k=${MARK}`))],
    ['a file: page', ipcEvent(top('file:///tmp/evil.html'))],
    ['another app:// host', ipcEvent(top('app://evil/index.html'))],
    ['a destroyed frame', ipcEvent(null)],
    ['a WebContents we did not create', ipcEvent(top('app://batchline/index.html'), 7)],
  ])('refuses %s with IPC_FORBIDDEN and logs it', async (_name, event) => {
    const caller = callerFromIpcEvent(event, ours);
    expect(caller.trusted).toBe(false);
    for (const channel of ['jobs:start', 'no:such-channel']) {
      const { value, lines } = await logsOf(() =>
        services.router.dispatch(channel, { jobId: MARK }, caller),
      );
      expect(value).toEqual({
        ok: false,
        error: {
          code: 'IPC_FORBIDDEN',
          message: 'This caller is not allowed to talk to batchline.',
          retryable: false,
        },
      });
      expectRefusalLogged(lines, 'ipc.refused', 'untrusted sender');
      expect(lines[0]).toContain(`contents#${event.sender.id}`);
    }
  });
});

const trusted = { trusted: true, description: 'test' };

/** A mapping nested `depth` objects deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = MARK;
  for (let i = 0; i < depth; i += 1) {
    value = { a: value };
  }
  return value;
}

const zoomUsers = { target: 'zoom', kind: 'users' } as const;
const startArgs = { ...zoomUsers, fileId: 'f1', connectionId: 'sandbox-zoom', mapping: {} };

const MALFORMED: [string, string, unknown, string][] = [
  ['not an object', 'app:info', `${MARK}`, '(arguments)'],
  ['an array', 'jobs:get', [MARK], '(arguments)'],
  ['a number', 'jobs:cancel', 42, '(arguments)'],
  ['an extra key', 'app:info', { evil: MARK }, 'evil'],
  ['an extra key beside valid ones', 'jobs:get', { jobId: 'j1', admin: MARK }, 'admin'],
  ['a wrong type', 'jobs:get', { jobId: 42 }, 'jobId'],
  ['a path in an id', 'jobs:get', { jobId: `${MARK}/../../etc` }, 'jobId'],
  ['an id past 100 characters', 'jobs:get', { jobId: 'j'.repeat(101) }, 'jobId'],
  [
    'an unknown target',
    'import:open',
    { target: MARK, kind: 'users', fileName: 'a.csv', dataBase64: '' },
    'target',
  ],
  [
    'a file name past 255 characters',
    'import:open',
    { ...zoomUsers, fileName: `${MARK}${'x'.repeat(255)}`, dataBase64: '' },
    'fileName',
  ],
  [
    'a negative header row',
    'import:open',
    { ...zoomUsers, fileName: 'a.csv', dataBase64: '', headerRow: -1 },
    'headerRow',
  ],
  [
    'a fractional header row',
    'import:open',
    { ...zoomUsers, fileName: 'a.csv', dataBase64: '', headerRow: 1.5 },
    'headerRow',
  ],
  [
    'an unknown encoding',
    'import:open',
    { ...zoomUsers, fileName: 'a.csv', dataBase64: '', encoding: MARK },
    'encoding',
  ],
  [
    'a mapping that is not a record of strings',
    'import:validate',
    { ...zoomUsers, fileId: 'f1', mapping: { email: 7 } },
    'mapping',
  ],
  [
    'a mapping nested 10,000 deep',
    'jobs:start',
    { ...startArgs, mapping: nested(10_000) },
    'mapping',
  ],
  [
    'a mapping header past 10,000 characters',
    'jobs:start',
    { ...startArgs, mapping: { email: `${MARK}${'x'.repeat(10_000)}` } },
    'mapping',
  ],
  [
    'a mapping past the field limit',
    'jobs:start',
    {
      ...startArgs,
      mapping: Object.fromEntries(
        Array.from({ length: MAX_MAPPING_ENTRIES + 1 }, (_, i) => [`f${i}`, MARK]),
      ),
    },
    'mapping',
  ],
  [
    'a country that is not two letters',
    'jobs:start',
    { ...startArgs, country: `${MARK}` },
    'country',
  ],
  [
    'too many workspaces',
    'export:run',
    {
      target: 'webex',
      kind: 'workspace-numbers',
      connectionId: 'sandbox-webex',
      format: 'csv',
      workspaceIds: Array.from({ length: 501 }, () => MARK),
    },
    'workspaceIds',
  ],
  [
    'a workspace id past 200 characters',
    'export:run',
    {
      target: 'webex',
      kind: 'workspace-numbers',
      connectionId: 'sandbox-webex',
      format: 'csv',
      workspaceIds: [`${MARK}${'x'.repeat(200)}`],
    },
    'workspaceIds',
  ],
  [
    'a filter value past 500 characters',
    'export:run',
    {
      ...zoomUsers,
      connectionId: 'sandbox-zoom',
      format: 'csv',
      filters: { status: `${MARK}${'x'.repeat(500)}` },
    },
    'filters',
  ],
  ['an unknown export format', 'files:template', { ...zoomUsers, format: MARK }, 'format'],
  ['a run id with a path', 'runs:resume', { runId: `../../${MARK}` }, 'runId'],
  ['an unknown results selection', 'runs:export', { runId: 'r1', which: MARK }, 'which'],
  [
    'a Map where an id belongs (structured clone)',
    'jobs:get',
    { jobId: new Map([[MARK, MARK]]) },
    'jobId',
  ],
  ['a BigInt where an id belongs (structured clone)', 'jobs:get', { jobId: 10n }, 'jobId'],
];

describe('malformed arguments through the router', () => {
  it.each(MALFORMED)(
    'refuses %s (%s) with IPC_INVALID_ARGS, logged without the value',
    async (_name, channel, args, where) => {
      const { value, lines } = await logsOf(() => services.router.dispatch(channel, args, trusted));
      expect(value).toMatchObject({
        ok: false,
        error: { code: 'IPC_INVALID_ARGS', retryable: false },
      });
      const { message } = (value as Extract<Result<unknown>, { ok: false }>).error;
      expect(message).toContain(channel);
      expect(message).toContain(where);
      expect(message).not.toContain(MARK);
      expect(message.length).toBeLessThan(600);
      expectRefusalLogged(lines, 'ipc.refused', 'invalid arguments');
      expect(parsed(lines)[0]).toMatchObject({ channel });
    },
  );

  it('refuses an upload past MAX_UPLOAD_BASE64 by its length, before decoding it', async () => {
    const dataBase64 = 'A'.repeat(MAX_UPLOAD_BASE64 + 1);
    const { value, lines } = await logsOf(() =>
      services.router.dispatch(
        'import:open',
        { ...zoomUsers, fileName: 'big.csv', dataBase64 },
        trusted,
      ),
    );
    expect(value).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    expect(!value.ok && value.error.message).toContain('dataBase64');
    expectRefusalLogged(lines, 'ipc.refused', 'invalid arguments');
  });

  it('keeps reply and log short when a caller sends 100,000 unknown keys', async () => {
    const args: Record<string, string> = { jobId: 'j1' };
    for (let i = 0; i < 100_000; i += 1) {
      args[`k${i}`] = MARK;
    }
    const { value, lines } = await logsOf(() =>
      services.router.dispatch('jobs:get', args, trusted),
    );
    expect(value).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    expect(JSON.stringify(value).length).toBeLessThan(700);
    expectRefusalLogged(lines, 'ipc.refused', 'invalid arguments');
  });

  it('does not let a __proto__ key through or pollute Object.prototype', async () => {
    const args = JSON.parse(`{"jobId":"j1","__proto__":{"polluted":"${MARK}"}}`) as unknown;
    const { value, lines } = await logsOf(() =>
      services.router.dispatch('jobs:get', args, trusted),
    );
    expect(value).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectRefusalLogged(lines, 'ipc.refused', 'invalid arguments');
  });

  it('refuses unknown channels, however long, and logs at most 60 characters of the name', async () => {
    for (const channel of ['shell:exec', 'jobs:delete', '', `${'x'.repeat(100_000)}${MARK}`]) {
      const { value, lines } = await logsOf(() => services.router.dispatch(channel, {}, trusted));
      expect(value).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
      expect(!value.ok && value.error.message.length).toBeLessThan(200);
      expectRefusalLogged(lines, 'ipc.refused', 'unknown channel');
    }
  });
});

/** A request sent exactly as given (Host, Origin, method, path). */
function send(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string;
}): Promise<RawResponse> {
  return rawRequest(server.origin, { ...opts, method: opts.method ?? 'POST' });
}

/** Raw bytes on a socket, for requests node:http would not send (no Host, a lying length). */
function sendRaw(head: string): Promise<string> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    socket.on('end', () => resolve(text));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    socket.write(head);
  });
}

const json = { 'Content-Type': 'application/json' };
const withSecret = () => ({ ...json, 'X-Batchline-Secret': server.secret });

function errorCode(res: RawResponse): string {
  return (JSON.parse(res.body) as Extract<Result<unknown>, { ok: false }>).error.code;
}

describe('hostile renderer through the HTTP bridge (browser mode)', () => {
  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '%5F%5Fproto%5F%5F',
    '',
    'jobs:get/extra',
    '%E0%A4%A',
  ])('answers /rpc/%s with IPC_INVALID_ARGS and logs it', async (name) => {
    const { value: res, lines } = await logsOf(() =>
      send({ path: `/rpc/${name}`, headers: withSecret(), body: '{}' }),
    );
    expect(res.status).toBe(200);
    expect(errorCode(res)).toBe('IPC_INVALID_ARGS');
    expectRefusalLogged(lines, 'ipc.refused', 'unknown channel');
  });

  it('refuses malformed arguments over HTTP exactly as over IPC', async () => {
    for (const [, channel, args] of MALFORMED.filter(([, , value]) => {
      // Values JSON cannot carry (Map, BigInt) only exist on the IPC side.
      try {
        return JSON.stringify(value) !== undefined;
      } catch {
        return false;
      }
    })) {
      const { value: res, lines } = await logsOf(() =>
        send({ path: `/rpc/${channel}`, headers: withSecret(), body: JSON.stringify(args) }),
      );
      expect(res.status, channel).toBe(200);
      expect(errorCode(res), channel).toBe('IPC_INVALID_ARGS');
      expectRefusalLogged(lines, 'ipc.refused', 'invalid arguments');
    }
  });

  it('survives JSON nested 100,000 deep and answers IPC_INVALID_ARGS', async () => {
    const depth = 100_000;
    const body = `{"jobId":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const { value: res, lines } = await logsOf(() =>
      send({ path: '/rpc/jobs:get', headers: withSecret(), body }),
    );
    expect(errorCode(res)).toBe('IPC_INVALID_ARGS');
    expectRefusalLogged(lines, 'ipc.refused', 'invalid arguments');
    expect((await send({ path: '/rpc/app:info', headers: withSecret(), body: '{}' })).status).toBe(
      200,
    );
  });

  it('refuses a body declared past the real limit before reading a byte (413, logged)', async () => {
    // The transport limit sits above the contract's, so uploads between the two get the
    // contract's precise "too large" message (previous test block) instead of a bare 413.
    expect(MAX_RPC_BODY_BYTES).toBeGreaterThan(MAX_UPLOAD_BASE64 + 64 * 1024);
    const { host } = new URL(server.origin);
    const { value: reply, lines } = await logsOf(() =>
      sendRaw(
        [
          'POST /rpc/import:open HTTP/1.1',
          `Host: ${host}`,
          `X-Batchline-Secret: ${server.secret}`,
          'Content-Type: application/json',
          `Content-Length: ${MAX_RPC_BODY_BYTES + 1}`,
          '',
          '{"fileName":"',
        ].join('\r\n'),
      ),
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain('"IPC_INVALID_ARGS"');
    expectRefusalLogged(lines, 'web.refused', 'body too large');
  });

  it.each<[string, Record<string, string | string[]>, string]>([
    ['no secret', json, 'missing secret'],
    ['a wrong secret', { ...json, 'X-Batchline-Secret': `${MARK}` }, 'wrong secret'],
    ['the secret as a bearer token', { ...json, Authorization: 'Bearer SECRET' }, 'missing secret'],
    ['a null Origin (sandboxed iframe, file: page)', { Origin: 'null' }, 'foreign origin'],
    ['a localhost Origin', { Origin: 'http://localhost:PORT' }, 'foreign origin'],
    ['another port on 127.0.0.1', { Origin: 'http://127.0.0.1:1' }, 'foreign origin'],
    ['our app:// origin (not browser mode)', { Origin: 'app://batchline' }, 'foreign origin'],
    ['a foreign Host (DNS rebinding)', { Host: 'rebind.evil.example:PORT' }, 'foreign host'],
    ['Host without the port', { Host: '127.0.0.1' }, 'foreign host'],
    ['Host as IPv6 loopback', { Host: '[::1]:PORT' }, 'foreign host'],
  ])(
    'refuses %s with 403 IPC_FORBIDDEN on /rpc and /events, logged without the secret',
    async (_name, headers, reason) => {
      const { port } = new URL(server.origin);
      const fill = (value: string) =>
        value.replace('PORT', port ?? '').replace('SECRET', server.secret);
      const base: Record<string, string | string[]> = reason.endsWith('secret') ? {} : withSecret();
      const sent = Object.fromEntries(
        Object.entries({ ...base, ...headers }).map(([key, value]) => [
          key,
          typeof value === 'string' ? fill(value) : value,
        ]),
      );
      for (const [method, target] of [
        ['POST', '/rpc/app:info'],
        ['GET', '/events'],
      ] as const) {
        const { value: res, lines } = await logsOf(() =>
          send({ method, path: target, headers: sent, body: method === 'POST' ? '{}' : undefined }),
        );
        expect(res.status, target).toBe(403);
        expect(errorCode(res)).toBe('IPC_FORBIDDEN');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expectRefusalLogged(lines, 'web.refused', reason);
        expect(lines.join('\n')).not.toContain(server.secret);
      }
    },
  );

  it('refuses the secret in the query string, and never logs it', async () => {
    const { value: res, lines } = await logsOf(() =>
      send({ path: `/rpc/app:info?k=${server.secret}`, headers: json, body: '{}' }),
    );
    expect(res.status).toBe(403);
    expectRefusalLogged(lines, 'web.refused', 'missing secret');
    expect(lines.join('\n')).not.toContain(server.secret);
  });

  it('refuses a request with no Host at all (HTTP/1.0)', async () => {
    const { value: reply, lines } = await logsOf(() =>
      sendRaw(
        `POST /rpc/app:info HTTP/1.0\r\nX-Batchline-Secret: ${server.secret}\r\nContent-Length: 2\r\n\r\n{}`,
      ),
    );
    expect(reply).toMatch(/^HTTP\/1\.[01] 403 /);
    expectRefusalLogged(lines, 'web.refused', 'foreign host');
    expect(lines.join('\n')).not.toContain(server.secret);
  });

  it('refuses a cross-origin CORS preflight without granting anything', async () => {
    const { value: res, lines } = await logsOf(() =>
      send({
        method: 'OPTIONS',
        path: '/rpc/jobs:start',
        headers: {
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'x-batchline-secret, content-type',
        },
      }),
    );
    expect(res.status).toBe(403);
    for (const name of Object.keys(res.headers)) {
      expect(name.startsWith('access-control-'), name).toBe(false);
    }
    expectRefusalLogged(lines, 'web.refused', 'foreign origin');
  });

  it('refuses the wrong method on the API, logged', async () => {
    const { value: res, lines } = await logsOf(() =>
      send({ method: 'GET', path: '/rpc/app:info', headers: withSecret() }),
    );
    expect(res.status).toBe(405);
    expect(errorCode(res)).toBe('IPC_INVALID_ARGS');
    expectRefusalLogged(lines, 'web.refused', 'method not allowed');
  });

  it('is not reachable on any non-loopback address of this machine', async () => {
    const { port } = new URL(server.origin);
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && !info.internal)
      .map((info) => info!.address);
    for (const address of addresses) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: Number(port) });
        socket.setTimeout(2000, () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(reached, address).toBe(false);
    }
  });

  it('never logged the secret or a planted value in any line of this file', () => {
    const all = logLines.join('\n');
    expect(all).not.toContain(server.secret);
    expect(all).not.toContain(MARK);
  });
});
