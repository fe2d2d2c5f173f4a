import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../../main/lib/logger';
import {
  decideStorage,
  SESSION_ONLY_REASONS,
} from '../../../../../main/services/settings/encryptor';
import {
  SECRETS_FILE,
  SecretStore,
  UNREADABLE_SECRETS,
  type StoredSecret,
} from '../../../../../main/services/settings/secret-store';
import { aesGcmEncryptor } from '../../../../helpers/aes-gcm-encryptor';

// The secret store against real files in a temp folder and a real AES-GCM encryptor injected
// where Electron's safeStorage goes (BAD-INPUTS case 34: secrets only ever on disk encrypted;
// Linux basic_text → warn, don't persist).

const TOKEN = 'tok-STORE-5d4c3b2a19f8e7d6-bearer';
const OAUTH: StoredSecret = {
  kind: 'zoom-oauth',
  accountId: 'acct-STORE-31',
  clientId: 'client-STORE-62',
  clientSecret: 'cs-STORE-very-secret-value-8080',
};
const SECRETS = [TOKEN, OAUTH.accountId, OAUTH.clientId, OAUTH.clientSecret];

let dir: string;
let lines: string[];
const log = createLogger((line) => lines.push(line));
const file = () => path.join(dir, SECRETS_FILE);
const logged = () => lines.map((line) => JSON.parse(line) as { level: string; event: string });

/** The secret as it could show up: plain, hex, base64 and base64url at each alignment. */
function encodedForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('hex')]);
  for (let skip = 0; skip < 3; skip += 1) {
    const part = secret.slice(skip);
    const whole = Buffer.from(part.slice(0, part.length - (part.length % 3)));
    forms.add(whole.toString('base64'));
    forms.add(whole.toString('base64url'));
  }
  return [...forms];
}

/** Every form of every secret found in `bytes` (as latin1 and as UTF-16LE text). */
function leaks(bytes: Buffer): string[] {
  const texts = [bytes.toString('latin1'), bytes.toString('utf16le')];
  return SECRETS.flatMap(encodedForms).filter((form) => texts.some((text) => text.includes(form)));
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'batchline-secrets-'));
  lines = [];
});
afterEach(async () => {
  // No log line of any test may hold a secret.
  expect(leaks(Buffer.from(lines.join('\n')))).toEqual([]);
  await rm(dir, { recursive: true, force: true });
});

describe('decideStorage', () => {
  it('encrypts only when safeStorage can, and the Linux backend is a real keyring', () => {
    expect(decideStorage(aesGcmEncryptor()).mode).toBe('encrypted');
    expect(decideStorage(aesGcmEncryptor({ backend: 'gnome_libsecret' })).mode).toBe('encrypted');
    expect(decideStorage(aesGcmEncryptor({ backend: 'kwallet6' })).mode).toBe('encrypted');
    expect(decideStorage(aesGcmEncryptor({ backend: 'basic_text' }))).toEqual({
      mode: 'session-only',
      reason: SESSION_ONLY_REASONS.basicText,
    });
    expect(decideStorage(aesGcmEncryptor({ backend: 'unknown' }))).toMatchObject({
      mode: 'session-only',
    });
    expect(decideStorage(aesGcmEncryptor({ available: false }))).toEqual({
      mode: 'session-only',
      reason: SESSION_ONLY_REASONS.unavailable,
    });
    const throwing = {
      ...aesGcmEncryptor(),
      isEncryptionAvailable: (): boolean => {
        throw new Error('keychain locked');
      },
    };
    expect(decideStorage(throwing).mode).toBe('session-only');
    expect(decideStorage(undefined, 'browser mode has no OS keychain')).toEqual({
      mode: 'session-only',
      reason: 'browser mode has no OS keychain',
    });
  });
});

describe('SecretStore, encrypted', () => {
  it('round-trips across a restart, and the file holds none of the secrets in any form', async () => {
    const key = randomBytes(32);
    const store = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor({ key }) });
    expect(store.status()).toEqual({ mode: 'encrypted' });
    expect(await readdir(dir)).toEqual([]);
    await store.set('zoom-live', { kind: 'bearer', token: TOKEN });
    await store.set('zoom-oauth', OAUTH);

    expect(await readdir(dir)).toEqual([SECRETS_FILE]);
    const bytes = await readFile(file());
    expect(leaks(bytes)).toEqual([]);
    // Not even the connection ids or the JSON shape are readable: only encrypted bytes.
    expect(bytes.toString('latin1')).not.toMatch(/zoom-live|bearer|"kind"/);
    if (process.platform !== 'win32') {
      expect((await stat(file())).mode & 0o777).toBe(0o600);
    }

    const restarted = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor({ key }) });
    expect(restarted.get('zoom-live')).toEqual({ kind: 'bearer', token: TOKEN });
    expect(restarted.get('zoom-oauth')).toEqual(OAUTH);
    expect(restarted.ids().sort()).toEqual(['zoom-live', 'zoom-oauth']);
    expect(logged().filter((line) => line.level !== 'info')).toEqual([]);
  });

  it('delete removes a credential from the file, and the file itself with the last one', async () => {
    const key = randomBytes(32);
    const store = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor({ key }) });
    await store.set('a', { kind: 'bearer', token: TOKEN });
    await store.set('b', OAUTH);
    await store.delete('a');
    expect(store.get('a')).toBeUndefined();
    const reopened = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor({ key }) });
    expect(reopened.ids()).toEqual(['b']);
    await reopened.delete('b');
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes quick changes in order, one at a time, and leaves no temp file', async () => {
    const key = randomBytes(32);
    const store = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor({ key }) });
    const changes = [1, 2, 3, 4, 5].map((n) =>
      store.set('zoom', { kind: 'bearer', token: `${TOKEN}-${n}` }),
    );
    changes.push(store.delete('nothing-here'));
    await Promise.all(changes);
    expect(await readdir(dir)).toEqual([SECRETS_FILE]);
    const reopened = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor({ key }) });
    expect(reopened.get('zoom')).toEqual({ kind: 'bearer', token: `${TOKEN}-5` });
  });

  it('reports a file it cannot decrypt once, starts empty, and keeps the file until a set', async () => {
    const other = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor() });
    await other.set('zoom', { kind: 'bearer', token: TOKEN });
    const before = await readFile(file());
    lines = [];

    // Another machine's key (or a changed keyring): decryption fails authentication.
    const key = randomBytes(32);
    const store = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor({ key }) });
    expect(store.ids()).toEqual([]);
    expect(store.get('zoom')).toBeUndefined();
    expect(store.status()).toEqual({ mode: 'encrypted', problem: UNREADABLE_SECRETS });
    const warnings = logged().filter((line) => line.level === 'warn');
    expect(warnings.map((line) => line.event)).toEqual(['secrets.undecryptable']);

    await store.delete('zoom');
    await store.flush();
    expect((await readFile(file())).equals(before)).toBe(true);

    await store.set('webex', { kind: 'bearer', token: `${TOKEN}-new` });
    expect((await readFile(file())).equals(before)).toBe(false);
    expect(store.status()).toEqual({ mode: 'encrypted' });
    const reopened = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor({ key }) });
    expect(reopened.ids()).toEqual(['webex']);
    expect(logged().filter((line) => line.level === 'warn')).toHaveLength(1);
  });

  it('treats bytes that decrypt to something else (not JSON, wrong shape) as unreadable', async () => {
    const key = randomBytes(32);
    const encryptor = aesGcmEncryptor({ key });
    for (const content of ['not json at all', JSON.stringify({ version: 9, secrets: {} })]) {
      await writeFile(file(), encryptor.encryptString(content));
      const store = await SecretStore.open(dir, { log, encryptor });
      expect(store.status().problem).toBe(UNREADABLE_SECRETS);
      expect(store.ids()).toEqual([]);
    }
    await writeFile(file(), 'short');
    expect((await SecretStore.open(dir, { log, encryptor })).status().problem).toBe(
      UNREADABLE_SECRETS,
    );
  });

  it('refuses an incomplete credential without echoing it', async () => {
    const store = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor() });
    const incomplete = { kind: 'zoom-oauth', accountId: OAUTH.accountId, clientId: '' };
    const refused = await store.set('zoom', incomplete as unknown as StoredSecret).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(refused?.message).toBe('The credential for connection "zoom" is incomplete.');
    expect(store.ids()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a failed write is logged without the secret and rethrown; the secret stays for the session', async () => {
    const failing = {
      rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    };
    const store = await SecretStore.open(dir, { log, encryptor: aesGcmEncryptor(), fs: failing });
    await expect(store.set('zoom', { kind: 'bearer', token: TOKEN })).rejects.toThrow('disk full');
    expect(store.get('zoom')).toEqual({ kind: 'bearer', token: TOKEN });
    expect(await readdir(dir)).toEqual([]);
    expect(logged().map((line) => line.event)).toContain('secrets.write-failed');
  });
});

describe('SecretStore, session-only', () => {
  it('with the Linux basic_text backend: warns, keeps secrets in memory, writes nothing', async () => {
    const encryptor = aesGcmEncryptor({ backend: 'basic_text' });
    const store = await SecretStore.open(dir, { log, encryptor });
    expect(store.mode).toBe('session-only');
    expect(store.reason).toBe(
      'the system keyring is not available: Linux uses the basic_text backend, which does not encrypt',
    );
    expect(store.status()).toEqual({ mode: 'session-only', reason: store.reason });
    await store.set('zoom', { kind: 'bearer', token: TOKEN });
    await store.set('zoom-oauth', OAUTH);
    expect(store.get('zoom')).toEqual({ kind: 'bearer', token: TOKEN });
    await store.flush();
    expect(await readdir(dir)).toEqual([]);
    expect(encryptor.calls).toEqual([]);
    expect(logged()).toEqual([
      expect.objectContaining({ level: 'warn', event: 'secrets.session-only' }),
    ]);
    // A restart starts empty: nothing was kept.
    expect((await SecretStore.open(dir, { log, encryptor })).ids()).toEqual([]);
  });

  it('when safeStorage cannot encrypt: session-only, and says so', async () => {
    const store = await SecretStore.open(dir, {
      log,
      encryptor: aesGcmEncryptor({ available: false }),
    });
    expect(store.status()).toEqual({
      mode: 'session-only',
      reason: 'safeStorage is not available (the OS keychain cannot encrypt)',
    });
    await store.set('zoom', { kind: 'bearer', token: TOKEN });
    expect(await readdir(dir)).toEqual([]);
  });

  it('without an encryptor (browser mode) it uses the reason given', async () => {
    const store = await SecretStore.open(dir, {
      log,
      noEncryptorReason: SESSION_ONLY_REASONS.browserMode,
    });
    expect(store.status()).toEqual({
      mode: 'session-only',
      reason: 'browser mode has no OS keychain',
    });
    await store.set('zoom', { kind: 'bearer', token: TOKEN });
    await store.delete('zoom');
    expect(store.get('zoom')).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves an existing secrets.bin alone: not read, not overwritten, not deleted', async () => {
    await writeFile(file(), 'encrypted bytes from an earlier session');
    const encryptor = aesGcmEncryptor({ backend: 'basic_text' });
    const store = await SecretStore.open(dir, { log, encryptor });
    await store.set('zoom', { kind: 'bearer', token: TOKEN });
    await store.delete('zoom');
    expect(await readFile(file(), 'utf8')).toBe('encrypted bytes from an earlier session');
    expect(encryptor.calls).toEqual([]);
  });
});
