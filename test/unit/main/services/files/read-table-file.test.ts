import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import {
  listTableSheets,
  readTableBytes,
  readTableFile,
} from '../../../../../main/services/files/read-table-file';

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

  it('refuses .xls workbooks (OLE containers) with a way out', async () => {
    const error = await failure(readTableFile(fixture('xlsx/c21-old-format.xls')));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toBe(
      'Cannot read c21-old-format.xls: it is an Excel 97-2003 (.xls) workbook or another old Office file; open it in Excel and save it as .xlsx or CSV UTF-8',
    );
  });

  it('reads text saved under an Excel name as CSV (HR systems export CSV and TSV as .xls)', async () => {
    const table = await readTableBytes(text('email\tname\nx@example.com\tX\n'), 'report.xls');
    expect(table).toMatchObject({ format: 'csv', delimiter: '\t', headers: ['email', 'name'] });
  });

  it('refuses a web page saved as .xls', async () => {
    const error = await failure(readTableFile(fixture('xlsx/c21-html-named.xls')));
    expect(error.message).toBe(
      'Cannot read c21-html-named.xls: it is a web page (HTML) saved with an Excel name; open it in Excel and save it as .xlsx or CSV UTF-8',
    );
  });

  it('refuses password-protected workbooks (OLE containers holding an EncryptedPackage)', async () => {
    const error = await failure(readTableFile(fixture('xlsx/c21-password-protected.xlsx')));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(
      /^Cannot read c21-password-protected\.xlsx: it is password-protected; save it without a password/,
    );
    const stub = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await failure(readTableBytes(stub, 'users.xlsx'))).message).toContain(
      'password-protected or an Excel 97-2003 (.xls) workbook',
    );
  });

  it('reads a CSV renamed to .xlsx as the CSV it is', async () => {
    const table = await readTableFile(fixture('xlsx/c21-csv-named.xlsx'));
    expect(table).toMatchObject({
      format: 'csv',
      headers: ['Work Email', 'Given Name', 'Ext'],
      rows: [{ row: 2, cells: ['ann@example.com', 'Ann', '1001'] }],
    });
  });

  it('refuses empty, truncated and non-workbook .xlsx files with one line each', async () => {
    expect(await failure(readTableFile(fixture('xlsx/c21-empty.xlsx')))).toMatchObject({
      code: 'FILE_EMPTY',
      message: 'c21-empty.xlsx is empty: sheet "Sheet1" has no values',
    });
    expect((await failure(readTableFile(fixture('xlsx/c21-truncated.xlsx')))).code).toBe(
      'PARSE_FAILED',
    );
    expect((await failure(readTableFile(fixture('xlsx/c21-not-a-workbook.xlsx')))).code).toBe(
      'PARSE_FAILED',
    );
  });

  it('returns a header-only workbook as a table with no rows', async () => {
    const table = await readTableFile(fixture('xlsx/c21-header-only.xlsx'));
    expect(table).toMatchObject({
      format: 'xlsx',
      headers: ['Work Email', 'Given Name', 'Ext'],
      rows: [],
    });
  });

  it('lists the sheets of a workbook for the picker, and none for a CSV', async () => {
    const book = await readFile(fixture('xlsx/c16-hidden-sheets-and-rows.xlsx'));
    expect(
      (await listTableSheets(book, 'C:\\HR\\book.xlsx')).map((s) => `${s.name}:${s.state}`),
    ).toEqual(['Lookups:veryHidden', 'Old Users:hidden', 'Users:visible', 'Notes:visible']);
    expect(await listTableSheets(text('email\n'), 'users.csv')).toEqual([]);
  });

  it('passes the header row and field names on to the XLSX reader', async () => {
    const book = await readFile(fixture('xlsx/c15-merged-cells.xlsx'));
    expect((await readTableBytes(book, 'merged.xlsx', { headerRow: 3 })).headerRow).toBe(3);
    const hints = { fields: [{ key: 'email', label: 'Work Email', synonyms: [] }] };
    expect((await readTableBytes(book, 'merged.xlsx', { headerHints: hints })).headerRow).toBe(2);
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
