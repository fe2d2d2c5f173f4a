import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices, AppServicesOptions } from '../../../main/app/app-services';
import { createAppServices } from '../../../main/app/create-app-services';
import { silentLogger } from '../../../main/lib/logger';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import { SecretStore, UNREADABLE_SECRETS } from '../../../main/services/settings/secret-store';
import { storedTokenSource } from '../../../main/services/settings/stored-token-source';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { aesGcmEncryptor } from '../../helpers/aes-gcm-encryptor';

// What app:info tells the renderer about the secret store, and a saved connection whose
// token lives only in the store (encrypted on disk) pushing through the real services.

const caller = { trusted: true, description: 'test' };
const TOKEN = 'tok-KEYCHAIN-0f1e2d3c4b5a6978-zoom';

describe('app:info keychain and saved connections', () => {
  let dataDir: string;
  let services: AppServices | undefined;
  let zoom: ZoomSimulator | undefined;

  const start = async (extra: Partial<AppServicesOptions> = {}) => {
    services = await createAppServices({
      dataDir,
      mode: 'browser',
      version: 'test',
      log: silentLogger,
      ...extra,
    });
    return services;
  };
  const dispatch = async <T>(channel: string, args: unknown): Promise<Result<T>> => {
    if (!services) {
      throw new Error('start() first');
    }
    return (await services.router.dispatch(channel, args, caller)) as Result<T>;
  };
  const info = async (): Promise<AppInfo> => {
    const result = await dispatch<AppInfo>('app:info', {});
    if (!result.ok) {
      throw new Error(result.error.message);
    }
    return result.value;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'batchline-keychain-'));
  });
  afterEach(async () => {
    await services?.close();
    await zoom?.close();
    services = undefined;
    zoom = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('browser mode without a store: session-only, because there is no OS keychain', async () => {
    await start();
    expect((await info()).keychain).toEqual({
      mode: 'session-only',
      reason: 'browser mode has no OS keychain',
    });
  });

  it('Linux basic_text: session-only with the reason, and nothing written', async () => {
    const secrets = await SecretStore.open(dataDir, {
      log: silentLogger,
      encryptor: aesGcmEncryptor({ backend: 'basic_text' }),
    });
    await secrets.set('zoom-live', { kind: 'bearer', token: TOKEN });
    await start({ mode: 'electron', secrets });
    expect((await info()).keychain).toEqual({
      mode: 'session-only',
      reason:
        'the system keyring is not available: Linux uses the basic_text backend, which does not encrypt',
    });
    expect(await readdir(dataDir)).not.toContain('secrets.bin');
  });

  it('an unreadable secrets file shows as a problem', async () => {
    const before = await SecretStore.open(dataDir, {
      log: silentLogger,
      encryptor: aesGcmEncryptor(),
    });
    await before.set('zoom-live', { kind: 'bearer', token: TOKEN });
    const secrets = await SecretStore.open(dataDir, {
      log: silentLogger,
      encryptor: aesGcmEncryptor(),
    });
    await start({ mode: 'electron', secrets });
    expect((await info()).keychain).toEqual({ mode: 'encrypted', problem: UNREADABLE_SECRETS });
  });

  it('a saved connection exports with the token from the encrypted store, which no reply carries', async () => {
    zoom = await startZoomSimulator({ tokens: [TOKEN], seedUsers: 5 });
    const key = randomBytes(32);
    const secrets = await SecretStore.open(dataDir, {
      log: silentLogger,
      encryptor: aesGcmEncryptor({ key }),
    });
    await start({
      mode: 'electron',
      secrets,
      extraConnections: [
        {
          view: { id: 'zoom-live', label: 'Zoom (saved)', target: 'zoom', sandbox: false },
          connection: { baseUrl: zoom.url, auth: storedTokenSource(secrets, 'zoom-live') },
          maxRps: 50,
        },
      ],
    });
    const run = { target: 'zoom', kind: 'users', connectionId: 'zoom-live', format: 'csv' };

    const missing = await dispatch('export:run', run);
    expect(!missing.ok && missing.error.code).toBe('AUTH_MISSING');

    await secrets.set('zoom-live', { kind: 'bearer', token: TOKEN });
    const exported = await dispatch<{ rows: number }>('export:run', run);
    expect(exported.ok && exported.value.rows).toBe(5);
    const appInfo = await info();
    expect(appInfo.keychain).toEqual({ mode: 'encrypted' });
    expect(JSON.stringify([appInfo, exported, missing])).not.toContain(TOKEN);

    await services?.close();
    services = undefined;
    const bytes = await readFile(path.join(dataDir, 'secrets.bin'));
    expect(bytes.toString('latin1')).not.toContain(TOKEN);
    expect(bytes.toString('latin1')).not.toContain(Buffer.from(TOKEN).toString('base64'));
    const restarted = await SecretStore.open(dataDir, {
      log: silentLogger,
      encryptor: aesGcmEncryptor({ key }),
    });
    expect(restarted.get('zoom-live')).toEqual({ kind: 'bearer', token: TOKEN });
  });
});
