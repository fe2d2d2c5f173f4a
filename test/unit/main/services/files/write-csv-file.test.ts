import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCsvFile } from '../../../../../main/services/files/write-csv-file';
import { tableFormatOf, writeTableFile } from '../../../../../main/services/files/write-table-file';
import { readTableFile } from '../../../../../main/services/files/read-table-file';
import { toCsv } from '../../../../../shared/csv/write-csv';
import { AppError } from '../../../../../shared/errors';

describe('writeCsvFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-write-csv-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams the same bytes toCsv gives, over many chunks', async () => {
    const headers = ['email', 'name', 'phone'];
    const rows = Array.from({ length: 2345 }, (_, i) => [
      `u${i}@example.com`,
      i % 7 === 0 ? `=cmd|' /C calc'!A${i}` : `Zoë "${i}", Jr.\nline 2`,
      `+1415555${String(i).padStart(4, '0')}`,
    ]);
    const path = join(dir, 'out.csv');
    await writeCsvFile(path, headers, rows);
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toBe(toCsv(headers, rows));
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  it('takes a generator, so the rows never need to be in memory at once', async () => {
    function* rows(): Generator<string[]> {
      for (let i = 0; i < 1500; i++) {
        yield [String(i)];
      }
    }
    const path = join(dir, 'gen.csv');
    await writeCsvFile(path, ['n'], rows());
    const table = await readTableFile(path);
    expect(table.rows).toHaveLength(1500);
    expect(table.rows.at(-1)?.cells).toEqual(['1499']);
  });

  it('keeps the old file and leaves no temp file when the rows fail part way', async () => {
    const path = join(dir, 'keep.csv');
    await writeFile(path, 'old');
    function* rows(): Generator<string[]> {
      yield ['1'];
      throw new Error('disk of the source gone');
    }
    await expect(writeCsvFile(path, ['n'], rows())).rejects.toThrow('disk of the source gone');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['keep.csv']);
  });

  it('fails with FILE_UNREADABLE naming the path when it cannot write there', async () => {
    const path = join(dir, 'no', 'such', 'folder.csv');
    const error = await writeCsvFile(path, ['n'], [['1']]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FILE_UNREADABLE');
    expect((error as AppError).message).toContain(path);
  });
});

describe('writeTableFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-write-table-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('picks the format from the extension, case-insensitively, and refuses any other', () => {
    expect(tableFormatOf('a.CSV')).toBe('csv');
    expect(tableFormatOf('/x/b.Xlsx')).toBe('xlsx');
    expect(() => tableFormatOf('c.txt')).toThrow(/\.csv or \.xlsx/);
    expect(() => tableFormatOf('d.xls')).toThrow(AppError);
  });

  it('writes the same table as CSV and as XLSX, both reading back to the same cells', async () => {
    const headers = ['row', 'column', 'message'];
    const rows = [
      ['2', 'Ext', '-1 is not an extension'],
      ['3', 'Direct Dial', '+44 20 7946 0958 has spaces'],
    ];
    for (const name of ['report.csv', 'report.xlsx']) {
      await writeTableFile(join(dir, name), headers, rows, { sheetName: 'Problems' });
      const table = await readTableFile(join(dir, name));
      expect(table.headers).toEqual(headers);
      expect(table.rows.map((row) => row.cells)).toEqual(rows);
    }
    expect((await readTableFile(join(dir, 'report.xlsx'))).sheet).toBe('Problems');
  });
});
