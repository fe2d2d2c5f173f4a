import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, OpenedFromDisk, RecentFile } from '../../../shared/ipc/contract';
import { startAppRouterSession, type AppRouterSession } from '../../helpers/app-router-session';
import { validUsersCsv } from '../../helpers/users-csv';

const zoomUsers = { target: 'zoom', kind: 'users' } as const;

describe('files main opens from disk (files:choose, recent:*)', () => {
  let sheets: string;
  let session: AppRouterSession;
  /** What the injected dialog answers next: a path, or null for Cancel. */
  let nextChoice: string | null;

  const dispatch = (channel: string, args: unknown) => session.dispatch(channel, args);
  const call = <T>(channel: string, args: unknown): Promise<T> => session.call<T>(channel, args);
  const recentList = () => call<{ files: RecentFile[]; nativeDialog: boolean }>('recent:list', {});
  const writeSheet = async (folder: string, name: string, text: string) => {
    await mkdir(path.join(sheets, folder), { recursive: true });
    const file = path.join(sheets, folder, name);
    await writeFile(file, text);
    return file;
  };
  const choose = async (file: string) => {
    nextChoice = file;
    return call<OpenedFromDisk & { cancelled: false }>('files:choose', zoomUsers);
  };

  beforeEach(async () => {
    sheets = await mkdtemp(path.join(tmpdir(), 'batchline-files-sheets-'));
    nextChoice = null;
    session = await startAppRouterSession({
      mode: 'electron',
      chooseFile: () => Promise.resolve(nextChoice),
    });
  });
  afterEach(async () => {
    await session.close();
    await rm(sheets, { recursive: true, force: true });
  });

  it('opens the chosen file the way import:open does and lists it in Recent', async () => {
    const csv = validUsersCsv(3);
    const file = await writeSheet('exports', 'hr.csv', csv);
    const opened = await choose(file);
    const uploaded = await call<ImportPreview>('import:open', {
      ...zoomUsers,
      fileName: 'hr.csv',
      dataBase64: Buffer.from(csv).toString('base64'),
    });
    const { fileId: _a, ...fromDisk } = opened.preview;
    const { fileId: _b, ...fromUpload } = uploaded;
    expect(fromDisk).toEqual(fromUpload);
    expect(opened.preview.rowCount).toBe(3);

    const list = await recentList();
    expect(list).toEqual({
      files: [{ id: opened.recentId, name: 'hr.csv', folder: 'exports' }],
      nativeDialog: true,
    });
    // The path stays in main: no reply carries it.
    expect(JSON.stringify([opened, list])).not.toContain(sheets);
  });

  it('answers a cancelled dialog without touching Recent', async () => {
    expect(await call('files:choose', zoomUsers)).toEqual({ cancelled: true });
    expect((await recentList()).files).toEqual([]);
  });

  it('opens a Recent file again, with read choices, and moves it to the top', async () => {
    const titled = `Staff export\r\n${validUsersCsv(2).replaceAll(',', ';')}`;
    const first = await choose(await writeSheet('hr', 'staff.csv', titled));
    await choose(await writeSheet('hr', 'other.csv', validUsersCsv(1)));
    expect((await recentList()).files.map((item) => item.name)).toEqual(['other.csv', 'staff.csv']);

    const reread = await call<ImportPreview>('recent:open', {
      ...zoomUsers,
      id: first.recentId,
      delimiter: ';',
      headerRow: 2,
    });
    expect(reread.delimiter).toBe(';');
    expect(reread.headerRow).toBe(2);
    expect(reread.headers[0]).toBe('Work Email');
    expect(reread.rowCount).toBe(2);
    expect((await recentList()).files.map((item) => item.id)[0]).toBe(first.recentId);
  });

  it('reports a Recent file that is gone and drops it from the list', async () => {
    const file = await writeSheet('exports', 'hr.csv', validUsersCsv(1));
    const { recentId } = await choose(file);
    await rm(file);
    const result = await dispatch('recent:open', { ...zoomUsers, id: recentId });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: expect.stringContaining(
          'hr.csv is no longer at its place; it was removed from Recent',
        ),
      },
    });
    expect(JSON.stringify(result)).not.toContain(sheets);
    expect((await recentList()).files).toEqual([]);
    expect(await dispatch('recent:open', { ...zoomUsers, id: recentId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('keeps a file that failed to read out of Recent', async () => {
    const result = await (async () => {
      nextChoice = await writeSheet('x', 'empty.csv', '');
      return dispatch('files:choose', zoomUsers);
    })();
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_EMPTY' } });
    expect((await recentList()).files).toEqual([]);
  });

  it('keeps the ten most recent and clears them all', async () => {
    for (let i = 1; i <= 11; i += 1) {
      await choose(await writeSheet('many', `f${i}.csv`, validUsersCsv(1)));
    }
    const { files } = await recentList();
    expect(files).toHaveLength(10);
    expect(files[0]?.name).toBe('f11.csv');
    expect(files.map((item) => item.name)).not.toContain('f1.csv');
    expect(session.services.recentFiles.views()).toEqual(files);
    expect(await call('recent:clear', {})).toEqual({ cleared: 10 });
    expect((await recentList()).files).toEqual([]);
  });

  it('refuses arguments that could name a path', async () => {
    const result = await dispatch('recent:open', { ...zoomUsers, id: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    const extra = await dispatch('files:choose', { ...zoomUsers, path: '/etc/passwd' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
  });
});

describe('browser mode, with no system dialog', () => {
  it('refuses files:choose and lists no Recent files', async () => {
    const session = await startAppRouterSession();
    try {
      const choose = await session.dispatch('files:choose', zoomUsers);
      expect(choose).toMatchObject({ ok: false, error: { code: 'USAGE' } });
      const list = await session.dispatch('recent:list', {});
      expect(list).toEqual({ ok: true, value: { files: [], nativeDialog: false } });
    } finally {
      await session.close();
    }
  });
});
