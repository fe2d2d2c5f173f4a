import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import { readTableBytes, readTableFile } from '../../../../../main/services/files/read-table-file';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../../fixtures/${name}`, import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batchline-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const caught = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).message).not.toContain('\n');
  return caught as AppError;
}

describe('readTableFile', () => {
  it('reads a CSV fixture and records its encoding and delimiter', async () => {
    const table = await readTableFile(fixture('zoom-users/valid-25.csv'));
    expect(table).toMatchObject({
      fileName: 'valid-25.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
    });
    expect(table.rows).toHaveLength(25);
  });

  it('reads Excel "Unicode Text" (UTF-16LE, tabs) like the UTF-8 CSV', async () => {
    const text = await readTableFile(fixture('csv/utf16le-tab.txt'));
    const csv = await readTableFile(fixture('csv/utf8-bom.csv'));
    expect(text).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(text.rows).toEqual(csv.rows);
  });

  it('reads Windows-1252 and says so', async () => {
    const table = await readTableFile(fixture('csv/cp1252.csv'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows[0]?.cells).toEqual(['jose@example.com', 'José', 'Müller']);
  });

  it('uses tab for .tsv files without guessing', async () => {
    const path = join(dir, 'people.tsv');
    await writeFile(path, 'email\tnote\nx@example.com\ta,b;c|d\n');
    expect((await readTableFile(path)).rows[0]?.cells).toEqual(['x@example.com', 'a,b;c|d']);
  });

  it('returns a header-only file as a table with no rows', async () => {
    const table = await readTableFile(fixture('csv/header-only.csv'));
    expect(table).toMatchObject({ headers: ['email', 'first_name', 'last_name'], rows: [] });
  });

  it('refuses a missing file: FILE_UNREADABLE naming it', async () => {
    const error = await failure(readTableFile(join(dir, 'users.csv')));
    expect(error).toMatchObject({
      code: 'FILE_UNREADABLE',
      message: 'Cannot read users.csv: no such file',
    });
  });

  it('refuses a folder', async () => {
    const error = await failure(readTableFile(dir));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toContain('it is a folder, not a file');
  });

  it('refuses an empty file, and one with only blank lines: FILE_EMPTY', async () => {
    expect(await failure(readTableFile(fixture('csv/empty.csv')))).toMatchObject({
      code: 'FILE_EMPTY',
      message: 'empty.csv is empty',
    });
    const blank = join(dir, 'blank.csv');
    await writeFile(blank, '\r\n,,,\r\n   \r\n');
    expect(await failure(readTableFile(blank))).toMatchObject({
      code: 'FILE_EMPTY',
      message: 'blank.csv is empty: it has no header row',
    });
  });

  it('refuses a file over 200 MB before reading it', async () => {
    const big = join(dir, 'huge.csv');
    await writeFile(big, '');
    await truncate(big, 201 * 1024 * 1024);
    const error = await failure(readTableFile(big));
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(error.message).toBe(
      'Cannot read huge.csv: it is 201 MB, over the 200 MB limit; split it into smaller files',
    );
  });
});

describe('readTableBytes', () => {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('names the file by its base name in messages', async () => {
    const error = await failure(
      readTableBytes(new Uint8Array(), 'C:\\Users\\ann\\Desktop\\users.csv'),
    );
    expect(error.message).toBe('users.csv is empty');
  });

  it('refuses .xls files with a way out', async () => {
    const error = await failure(readTableBytes(text('email\n'), 'users.xls'));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('Excel 97-2003 (.xls)');
  });

  it('refuses password-protected workbooks (OLE containers)', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await failure(readTableBytes(ole, 'users.xlsx'));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('password-protected');
  });

  it('refuses a CSV renamed to .xlsx', async () => {
    const error = await failure(readTableBytes(text('email\nx@example.com\n'), 'users.xlsx'));
    expect(error.message).toContain('not an Excel workbook');
  });

  it('refuses binary content named .csv', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const error = await failure(readTableBytes(png, 'photo.csv'));
    expect(error).toMatchObject({ code: 'PARSE_FAILED' });
    expect(error.message).toContain('not a text file');
  });

  it('honours a delimiter and an encoding chosen by the admin', async () => {
    const table = await readTableBytes(
      new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0xe9, 0x3b, 0x32, 0x0a]),
      'x.csv',
      {
        delimiter: ';',
        encoding: 'windows-1252',
      },
    );
    expect(table).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      rows: [{ row: 2, cells: ['é', '2'] }],
    });
  });
});
