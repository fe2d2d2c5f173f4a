import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_RECENT_FILES,
  RecentFiles,
  parseRecentList,
  recentView,
  withRecent,
  type RecentEntry,
} from '../../../../main/app/recent-files';
import { silentLogger } from '../../../../main/lib/logger';
import { SettingsStore } from '../../../../main/services/settings/settings-store';

const at = '2025-01-01T00:00:00.000Z';
const entry = (id: string, file: string): RecentEntry => ({ id, path: file, openedAt: at });

describe('the Recent list, as pure functions', () => {
  it('puts a new file first and drops the oldest past the limit', () => {
    let list: RecentEntry[] = [];
    for (let i = 1; i <= MAX_RECENT_FILES + 2; i += 1) {
      list = withRecent(list, entry(`id${i}`, `/data/f${i}.csv`), MAX_RECENT_FILES, 'linux');
    }
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]?.id).toBe(`id${MAX_RECENT_FILES + 2}`);
    expect(list.at(-1)?.id).toBe('id3');
  });

  it('moves a file opened again to the front, keeping its id', () => {
    const list = [entry('a', '/d/a.csv'), entry('b', '/d/b.csv')];
    const next = withRecent(list, entry('new', '/d/b.csv'), 10, 'linux');
    expect(next.map((item) => item.id)).toEqual(['b', 'a']);
  });

  it('compares paths without case on Windows and macOS only', () => {
    const list = [entry('a', 'C:\\HR\\People.csv')];
    expect(withRecent(list, entry('n', 'c:\\hr\\people.csv'), 10, 'win32')).toHaveLength(1);
    expect(
      withRecent([entry('a', '/hr/People.csv')], entry('n', '/hr/people.csv'), 10, 'linux'),
    ).toHaveLength(2);
  });

  it('keeps the good entries of a damaged list', () => {
    const raw = [entry('a', '/d/a.csv'), { id: 'b' }, 'text', entry('a', '/d/again.csv'), null];
    expect(parseRecentList(raw)).toEqual([entry('a', '/d/a.csv')]);
    expect(parseRecentList({ not: 'a list' })).toEqual([]);
  });

  it('shows the renderer the name and the folder, never the path', () => {
    expect(recentView(entry('a', '/home/ann/exports/hr.csv'))).toEqual({
      id: 'a',
      name: 'hr.csv',
      folder: 'exports',
    });
  });
});

describe('RecentFiles in settings.json', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'batchline-recent-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds, removes and clears, telling listeners and writing the file', async () => {
    const settings = await SettingsStore.open(dir, { log: silentLogger });
    let n = 0;
    const recent = new RecentFiles(settings, { newId: () => `id${(n += 1)}` });
    let changes = 0;
    recent.subscribe(() => (changes += 1));
    await recent.add('/d/a.csv');
    await recent.add('/d/b.csv');
    expect(recent.views().map((view) => view.name)).toEqual(['b.csv', 'a.csv']);
    expect(recent.find('id1')?.path).toBe('/d/a.csv');
    expect(await recent.remove('id1')).toBe(true);
    expect(await recent.remove('id1')).toBe(false);
    await settings.flush();
    const written = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')) as {
      recentFiles: RecentEntry[];
    };
    expect(written.recentFiles.map((item) => item.path)).toEqual(['/d/b.csv']);
    expect(await recent.clear()).toBe(1);
    expect(recent.list()).toEqual([]);
    expect(changes).toBe(4);
  });

  it('reads the list back in a new session', async () => {
    const first = new RecentFiles(await SettingsStore.open(dir, { log: silentLogger }));
    await first.add('/d/kept.csv');
    const again = new RecentFiles(await SettingsStore.open(dir, { log: silentLogger }));
    expect(again.views().map((view) => view.name)).toEqual(['kept.csv']);
  });
});
