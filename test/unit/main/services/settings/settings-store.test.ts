import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../../main/lib/logger';
import { SETTINGS_FILE, SettingsStore } from '../../../../../main/services/settings/settings-store';
import type { Settings } from '../../../../../main/services/settings/settings-schema';

let dir: string;
let lines: string[];
const log = createLogger((line) => lines.push(line));
const file = () => path.join(dir, SETTINGS_FILE);
const onDisk = async (): Promise<unknown> => JSON.parse(await readFile(file(), 'utf8'));
const warnings = () =>
  lines
    .map((line) => JSON.parse(line) as { level: string; event: string })
    .filter((l) => l.level === 'warn');
const entry = {
  headers: ['email'],
  mapping: { email: 'Email' },
  savedAt: '2026-01-02T03:04:05.000Z',
};
const withEntry = (settings: Settings): Settings => ({
  ...settings,
  rememberedMappings: { 'zoom/users': { h1: entry } },
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'batchline-settings-'));
  lines = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts from defaults without a file, and writes nothing until a change', async () => {
    const store = await SettingsStore.open(dir, { log });
    expect(store.get()).toEqual({ version: 1, rememberedMappings: {} });
    expect(await readdir(dir)).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  it('round-trips a change through the file, keeping keys it does not know', async () => {
    await writeFile(file(), JSON.stringify({ version: 1, rememberedMappings: {}, theme: 'dark' }));
    const store = await SettingsStore.open(dir, { log });
    await store.update(withEntry);
    expect(await onDisk()).toEqual({
      version: 1,
      rememberedMappings: { 'zoom/users': { h1: entry } },
      theme: 'dark',
    });
    const again = await SettingsStore.open(dir, { log });
    expect(again.get()).toEqual(store.get());
  });

  it('moves a file that is not JSON aside, warns, and carries on with defaults', async () => {
    await writeFile(file(), '{"version": 1, "rememb');
    const store = await SettingsStore.open(dir, { log });
    expect(store.get()).toEqual({ version: 1, rememberedMappings: {} });
    expect(warnings().map((w) => w.event)).toEqual(['settings.corrupt']);
    const names = await readdir(dir);
    const backup = names.find((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`));
    expect(backup).toBeDefined();
    expect(await readFile(path.join(dir, backup!), 'utf8')).toBe('{"version": 1, "rememb');
    await store.update(withEntry);
    expect(await onDisk()).toMatchObject({ version: 1 });
  });

  it('treats a file that fails validation the same way', async () => {
    await writeFile(file(), JSON.stringify({ version: 1, rememberedMappings: { x: 'oops' } }));
    const store = await SettingsStore.open(dir, { log });
    expect(store.get().rememberedMappings).toEqual({});
    expect(warnings().map((w) => w.event)).toEqual(['settings.corrupt']);
    expect(lines.join('\n')).toContain('rememberedMappings.x');
  });

  it('migrates a file without a version', async () => {
    await writeFile(file(), JSON.stringify({ theme: 'dark' }));
    const store = await SettingsStore.open(dir, { log });
    expect(store.get()).toEqual({ version: 1, rememberedMappings: {}, theme: 'dark' });
    expect(warnings()).toEqual([]);
  });

  it('never writes over a file from a newer batchline', async () => {
    const newer = JSON.stringify({ version: 7, rememberedMappings: 'a new shape' });
    await writeFile(file(), newer);
    const store = await SettingsStore.open(dir, { log });
    expect(warnings().map((w) => w.event)).toEqual(['settings.newer-version']);
    await store.update(withEntry);
    expect(store.get().rememberedMappings['zoom/users']).toBeDefined();
    expect(await readFile(file(), 'utf8')).toBe(newer);
  });

  it('writes atomically: a failed rename leaves the old file whole and no temp file', async () => {
    const store = await SettingsStore.open(dir, { log });
    await store.update(withEntry);
    const before = await readFile(file(), 'utf8');
    const failing = await SettingsStore.open(dir, {
      log,
      fs: {
        rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
      },
    });
    await expect(failing.update((s) => ({ ...s, rememberedMappings: {} }))).rejects.toThrow(
      'disk full',
    );
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
    expect(warnings().map((w) => w.event)).toContain('settings.write-failed');
  });

  it('retries a rename Windows refuses for a moment (EPERM)', async () => {
    let refusals = 2;
    const { rename } = await import('node:fs/promises');
    const store = await SettingsStore.open(dir, {
      log,
      fs: {
        rename: (from, to) =>
          refusals-- > 0
            ? Promise.reject(Object.assign(new Error('locked'), { code: 'EPERM' }))
            : rename(from, to),
      },
    });
    await store.update(withEntry);
    expect(await onDisk()).toMatchObject({ rememberedMappings: { 'zoom/users': { h1: entry } } });
  });

  it('applies quick successive changes in order and ends with all of them on disk', async () => {
    const store = await SettingsStore.open(dir, { log });
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    await Promise.all(
      keys.map((key) =>
        store.update((s) => ({
          ...s,
          rememberedMappings: {
            'zoom/users': { ...s.rememberedMappings['zoom/users'], [key]: entry },
          },
        })),
      ),
    );
    await store.flush();
    const saved = (await onDisk()) as Settings;
    expect(Object.keys(saved.rememberedMappings['zoom/users'] ?? {})).toEqual(keys);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  });
});
