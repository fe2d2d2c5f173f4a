import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenFiles } from '../../../../../main/app/open-files';
import { importHandlers } from '../../../../../main/ipc/import.ipc';
import { silentLogger } from '../../../../../main/lib/logger';
import { createMappingMemory } from '../../../../../main/services/settings/mapping-memory';
import { SettingsStore } from '../../../../../main/services/settings/settings-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'batchline-memory-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () => SettingsStore.open(dir, { log: silentLogger });
const HEADERS = ['Work Email', 'Ext', 'Plan', 'Site'];
const CHOSEN = { email: 'Work Email', extension_number: 'Ext', calling_plans: 'Plan' };

describe('createMappingMemory', () => {
  it('recalls a mapping for the same columns in any order and spelling, after a restart', async () => {
    await createMappingMemory(await open()).remember('zoom', 'users', HEADERS, CHOSEN);
    const memory = createMappingMemory(await open());
    expect(memory.recall('zoom', 'users', ['site', 'plan', 'ext', 'work email'])).toEqual({
      mapping: CHOSEN,
    });
    expect(memory.recall('zoom', 'users', [...HEADERS, 'Notes'])).toBeUndefined();
    expect(memory.recall('portsip', 'users', HEADERS)).toBeUndefined();
  });

  it('does not hand out an entry whose stored columns differ (a hash collision)', async () => {
    const store = await open();
    const memory = createMappingMemory(store);
    await memory.remember('zoom', 'users', HEADERS, CHOSEN);
    await store.update((s) => {
      const entries = s.rememberedMappings['zoom/users'] ?? {};
      const [key, entry] = Object.entries(entries)[0]!;
      return {
        ...s,
        rememberedMappings: { 'zoom/users': { [key]: { ...entry, headers: ['other'] } } },
      };
    });
    expect(memory.recall('zoom', 'users', HEADERS)).toBeUndefined();
  });

  it('keeps the most recent column sets per dataset, up to its limit', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const memory = createMappingMemory(await open(), 2, () => new Date((clock += 1000)));
    await memory.remember('zoom', 'users', ['a'], { email: 'a' });
    await memory.remember('zoom', 'users', ['b'], { email: 'b' });
    await memory.remember('zoom', 'users', ['c'], { email: 'c' });
    expect(memory.recall('zoom', 'users', ['a'])).toBeUndefined();
    expect(memory.recall('zoom', 'users', ['c'])).toEqual({ mapping: { email: 'c' } });
  });

  it('recalls the default country chosen with a mapping, and forgets it once cleared', async () => {
    const memory = createMappingMemory(await open());
    await memory.remember('zoom', 'users', HEADERS, CHOSEN, 'GB');
    expect(createMappingMemory(await open()).recall('zoom', 'users', HEADERS)).toEqual({
      mapping: CHOSEN,
      country: 'GB',
    });
    await memory.remember('zoom', 'users', HEADERS, CHOSEN);
    expect(memory.recall('zoom', 'users', HEADERS)).toEqual({ mapping: CHOSEN });
  });
});

describe('import handlers with a mapping memory', () => {
  const csv = (rows: string[]) =>
    Buffer.from(['Courriel,Poste,Forfait,Site', ...rows].join('\r\n')).toString('base64');
  const args = (dataBase64: string) => ({
    target: 'zoom' as const,
    kind: 'users' as const,
    fileName: 'people.csv',
    dataBase64,
  });

  it('remembers the mapping an admin continues with, and offers it for the next such file', async () => {
    const handlers = importHandlers(new OpenFiles(), createMappingMemory(await open()));
    const first = await handlers['import:open'](args(csv(['a@x.io,1001,Basic,HQ'])));
    expect(first.mappingSource).toBe('automatic');
    expect(first.suggestedMapping).toEqual({ site_name: 'Site' });
    const chosen = { email: 'Courriel', extension_number: 'Poste', calling_plans: 'Forfait' };
    await handlers['import:validate']({
      target: 'zoom',
      kind: 'users',
      fileId: first.fileId,
      mapping: chosen,
    });

    const second = await handlers['import:open'](args(csv(['b@x.io,1002,Basic,HQ'])));
    expect(second).toMatchObject({
      mappingSource: 'remembered',
      suggestedMapping: chosen,
      automaticMapping: { site_name: 'Site' },
      mappingIssues: [],
    });
    expect(second.suggestedCountry).toBeUndefined();
  });

  it('offers the default country chosen last time with the mapping, for the next such file', async () => {
    const handlers = importHandlers(new OpenFiles(), createMappingMemory(await open()));
    const first = await handlers['import:open'](args(csv(['a@x.io,1001,Basic,HQ'])));
    const chosen = { email: 'Courriel', extension_number: 'Poste', calling_plans: 'Forfait' };
    await handlers['import:validate']({
      target: 'zoom',
      kind: 'users',
      fileId: first.fileId,
      mapping: chosen,
      country: 'FR',
    });
    const second = await handlers['import:open'](args(csv(['b@x.io,1002,Basic,HQ'])));
    expect(second).toMatchObject({ mappingSource: 'remembered', suggestedCountry: 'FR' });
  });

  it('does not remember a mapping that still blocks', async () => {
    const memory = createMappingMemory(await open());
    const handlers = importHandlers(new OpenFiles(), memory);
    const first = await handlers['import:open'](args(csv(['a@x.io,1001,Basic,HQ'])));
    await handlers['import:validate']({
      target: 'zoom',
      kind: 'users',
      fileId: first.fileId,
      mapping: { email: 'Courriel' },
    });
    expect(
      memory.recall('zoom', 'users', ['Courriel', 'Poste', 'Forfait', 'Site']),
    ).toBeUndefined();
  });
});
