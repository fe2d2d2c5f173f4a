import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices, AppServicesOptions } from '../../../main/app/app-services';
import { createAppServices } from '../../../main/app/create-app-services';
import { silentLogger } from '../../../main/lib/logger';
import {
  startPortsipSimulator,
  type PortsipSimulator,
} from '../../../main/sandbox/portsip/portsip-simulator';
import { SecretStore } from '../../../main/services/settings/secret-store';
import type { ArgsOf, ConnectionDetail, ReplyOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { aesGcmEncryptor } from '../../helpers/aes-gcm-encryptor';

// The Connections page's handlers through the real router: a PortSIP simulator with its own
// token, the secret store (encrypted with a real AES-GCM key, or session-only) and
// settings.json in a temp data folder, and a restart of the whole app services.

const caller = { trusted: true, description: 'test' };
const TOKEN = 'tok-CONN-7a6b5c4d3e2f1a0b-portsip';

describe('connections handlers', () => {
  let dataDir: string;
  let services: AppServices | undefined;
  let pbx: PortsipSimulator;

  const start = async (extra: Partial<AppServicesOptions> = {}) => {
    await services?.close();
    services = await createAppServices({
      dataDir,
      mode: 'browser',
      version: 'test',
      log: silentLogger,
      ...extra,
    });
  };
  const dispatch = async <T>(channel: string, args: unknown): Promise<Result<T>> => {
    if (!services) {
      throw new Error('start() first');
    }
    return (await services.router.dispatch(channel, args, caller)) as Result<T>;
  };
  const value = async <T>(channel: string, args: unknown): Promise<T> => {
    const result = await dispatch<T>(channel, args);
    if (!result.ok) {
      throw new Error(`${channel}: ${result.error.message}`);
    }
    return result.value;
  };
  const list = async () =>
    (await value<ReplyOf<'connections:list'>>('connections:list', {})).connections;
  const savePbx = (extra: Partial<ArgsOf<'connections:save'>> = {}) =>
    value<ConnectionDetail>('connections:save', {
      target: 'portsip',
      label: 'Head office PBX',
      baseUrl: pbx.url,
      credential: { kind: 'bearer', token: TOKEN },
      perMinute: 600,
      ...extra,
    });
  const encrypted = (key: Buffer) =>
    SecretStore.open(dataDir, { log: silentLogger, encryptor: aesGcmEncryptor({ key }) });

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'batchline-connections-'));
    pbx = await startPortsipSimulator({ tokens: [TOKEN] });
  });
  afterEach(async () => {
    await services?.close();
    services = undefined;
    await pbx.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('saves, lists, tests against the PBX and removes a connection; never lists a token', async () => {
    await start();
    const sandbox = await list();
    expect(sandbox.map((c) => c.id)).toEqual(['sandbox-zoom', 'sandbox-webex', 'sandbox-portsip']);
    expect(sandbox.every((c) => c.sandbox && c.baseUrl.startsWith('http://127.0.0.1:'))).toBe(true);

    // Each target's probe, against the Sandbox simulators (Webex: a 404 for the probe
    // workspace means the token and org were accepted).
    for (const id of ['sandbox-zoom', 'sandbox-webex', 'sandbox-portsip']) {
      const probe = await value<ReplyOf<'connections:test'>>('connections:test', { id });
      expect(probe, id).toMatchObject({ ok: true });
    }

    const saved = await savePbx();
    expect(saved).toMatchObject({
      target: 'portsip',
      label: 'Head office PBX',
      sandbox: false,
      baseUrl: pbx.url,
      host: new URL(pbx.url).host,
      authKind: 'bearer',
      authSaved: true,
      maxRps: 10,
      perMinute: 600,
    });
    const listed = await list();
    expect(listed.map((c) => c.id)).toContain(saved.id);
    expect(JSON.stringify(listed)).not.toContain(TOKEN);
    // The header's picker sees it too.
    const info = await value<ReplyOf<'app:info'>>('app:info', {});
    expect(info.connections.map((c) => c.id)).toContain(saved.id);

    const tested = await value<ReplyOf<'connections:test'>>('connections:test', { id: saved.id });
    expect(tested.ok).toBe(true);
    expect(tested.message).toContain('accepted');
    expect(tested.latencyMs).toBeGreaterThanOrEqual(0);
    // The probe really went to the PBX, with the saved token.
    expect(pbx.state.requests.some((entry) => entry.path.startsWith('/api/users'))).toBe(true);

    expect(await value('connections:remove', { id: saved.id })).toEqual({ removed: true });
    expect((await list()).map((c) => c.id)).not.toContain(saved.id);
    const again = await dispatch('connections:test', { id: saved.id });
    expect(again.ok ? null : again.error.code).toBe('NOT_FOUND');
  });

  it('changes a saved connection and keeps its credential when none is sent', async () => {
    await start();
    const saved = await savePbx();
    const changed = await value<ConnectionDetail>('connections:save', {
      id: saved.id,
      target: 'portsip',
      label: 'HQ PBX',
      baseUrl: pbx.url,
      perMinute: 300,
    });
    expect(changed).toMatchObject({ id: saved.id, label: 'HQ PBX', perMinute: 300, maxRps: 5 });
    expect((await list()).filter((c) => c.id === saved.id)).toHaveLength(1);
    // The kept token still signs in.
    const tested = await value<ReplyOf<'connections:test'>>('connections:test', { id: saved.id });
    expect(tested.ok).toBe(true);

    const moved = await dispatch('connections:save', {
      id: saved.id,
      target: 'zoom',
      label: 'HQ PBX',
    });
    expect(moved.ok ? null : moved.error.message).toBe(
      'HQ PBX is a portsip connection; add a new one for zoom.',
    );
    const bare = await dispatch('connections:save', {
      target: 'portsip',
      label: 'New PBX',
      baseUrl: pbx.url,
    });
    expect(bare.ok ? null : bare.error.message).toBe(
      'Enter the credential this connection signs in with.',
    );
  });

  it('a refused token and an unreachable PBX are readable answers, not errors', async () => {
    await start();
    const wrong = await savePbx({ credential: { kind: 'bearer', token: 'not-the-token' } });
    const refused = await value<ReplyOf<'connections:test'>>('connections:test', { id: wrong.id });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^The token was refused by 127\.0\.0\.1:\d+ \(HTTP 401\)/);
    expect(refused.message).not.toContain('not-the-token');

    const url = pbx.url;
    await pbx.close();
    pbx = await startPortsipSimulator({ tokens: [TOKEN] });
    const gone = await savePbx({ baseUrl: url });
    const unreachable = await value<ReplyOf<'connections:test'>>('connections:test', {
      id: gone.id,
    });
    expect(unreachable).toMatchObject({ ok: false });
    expect(unreachable.message).toMatch(/is unreachable: cannot connect \(ECONNREFUSED\)/);
  });

  it('refuses plain http to another host, credentials in the URL, and removing the Sandbox', async () => {
    await start();
    const http = await dispatch('connections:save', {
      target: 'portsip',
      label: 'PBX',
      baseUrl: 'http://pbx.example.com:8887',
      credential: { kind: 'bearer', token: TOKEN },
    });
    expect(http.ok ? null : http.error.message).toMatch(/Use https for pbx\.example\.com/);
    const userinfo = await dispatch('connections:save', {
      target: 'portsip',
      label: 'PBX',
      baseUrl: 'https://admin:hunter2@pbx.example.com:8887',
      credential: { kind: 'bearer', token: TOKEN },
    });
    expect(userinfo.ok ? null : userinfo.error.message).toMatch(/contains a user name or password/);
    expect(userinfo.ok ? '' : userinfo.error.message).not.toContain('hunter2');
    const noUrl = await dispatch('connections:save', {
      target: 'portsip',
      label: 'PBX',
      credential: { kind: 'bearer', token: TOKEN },
    });
    expect(noUrl.ok ? null : noUrl.error.code).toBe('USAGE');
    const sandbox = await dispatch('connections:remove', { id: 'sandbox-portsip' });
    expect(sandbox.ok ? null : sandbox.error.message).toMatch(/built in and cannot be removed/);
    expect((await list()).filter((c) => !c.sandbox)).toEqual([]);
  });

  it('Zoom and Webex default to their public APIs and keep the sub account and org', async () => {
    await start();
    const zoom = await value<ConnectionDetail>('connections:save', {
      target: 'zoom',
      label: 'Zoom EU',
      credential: { kind: 'zoom-oauth', accountId: 'acc', clientId: 'cid', clientSecret: 'csec' },
      maxRps: 20,
      accountId: 'sub-account-1',
    });
    expect(zoom).toMatchObject({
      baseUrl: 'https://api.zoom.us/v2',
      authKind: 'zoom-oauth',
      maxRps: 20,
      accountId: 'sub-account-1',
    });
    const webex = await value<ConnectionDetail>('connections:save', {
      target: 'webex',
      label: 'Customer org',
      credential: { kind: 'bearer', token: TOKEN },
      orgId: 'org-42',
    });
    expect(webex).toMatchObject({
      baseUrl: 'https://webexapis.com/v1',
      maxRps: 5,
      orgId: 'org-42',
    });
    expect(JSON.stringify(await list())).not.toMatch(/csec|cid"|tok-CONN/);
  });

  it('a saved connection survives a restart with an encrypted store; its token is not in plain text', async () => {
    const key = randomBytes(32);
    await start({ mode: 'electron', secrets: await encrypted(key) });
    const saved = await savePbx();

    await start({ mode: 'electron', secrets: await encrypted(key) });
    const after = (await list()).find((c) => c.id === saved.id);
    expect(after).toMatchObject({ label: 'Head office PBX', authSaved: true, perMinute: 600 });
    const tested = await value<ReplyOf<'connections:test'>>('connections:test', { id: saved.id });
    expect(tested.ok).toBe(true);

    for (const file of await readdir(dataDir)) {
      if (file.endsWith('.json') || file.endsWith('.bin')) {
        expect(await readFile(path.join(dataDir, file), 'latin1')).not.toContain(TOKEN);
      }
    }
    const settings = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as {
      connections: unknown[];
    };
    expect(settings.connections).toHaveLength(1);

    await value('connections:remove', { id: saved.id });
    await start({ mode: 'electron', secrets: await encrypted(key) });
    expect((await list()).map((c) => c.id)).not.toContain(saved.id);
  });

  it('session-only: the connection and its token are kept for this session only', async () => {
    await start();
    expect((await value<ReplyOf<'app:info'>>('app:info', {})).keychain.mode).toBe('session-only');
    const saved = await savePbx();
    expect(
      (await value<ReplyOf<'connections:test'>>('connections:test', { id: saved.id })).ok,
    ).toBe(true);
    await services?.close();
    const files = await readdir(dataDir);
    expect(files).not.toContain('secrets.bin');
    if (files.includes('settings.json')) {
      expect(await readFile(path.join(dataDir, 'settings.json'), 'utf8')).not.toContain(saved.id);
    }
    services = undefined;
    await start();
    expect((await list()).map((c) => c.id)).not.toContain(saved.id);
  });
});
