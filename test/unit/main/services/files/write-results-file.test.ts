import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTableFile } from '../../../../../main/services/files/read-table-file';
import {
  writeFailedRowsFile,
  writeResultsFile,
  writeRunReport,
} from '../../../../../main/services/files/write-results-file';
import { isFormulaLike } from '../../../../../shared/csv/formula-escape';
import type { RowResult } from '../../../../../shared/jobs/run-types';
import type { ResultsSummary } from '../../../../../shared/results/results-summary';
import { buildResultsTable, failedRowsTable } from '../../../../../shared/results/results-table';
import type { SourceTable } from '../../../../../shared/table/source-table';
import { cellTypes, sheetXml, zipEntries } from './xlsx-parts';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/csv/', import.meta.url));
const FORMATS = ['csv', 'xlsx'] as const;

const SUMMARY: ResultsSummary = {
  runId: 'r1',
  target: 'zoom',
  kind: 'users',
  fileName: 'x.csv',
  finishedAt: '2026-11-24T07:00:00.000Z',
  total: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  invalid: 0,
  requests: 0,
  retries: 0,
  durationMs: 0,
};

/** Every row failed or invalid in turn, so each one lands in the failed-rows file. */
function failEvery(table: SourceTable): RowResult[] {
  return table.rows.map((row, i) =>
    i % 2 === 0
      ? { row: row.row, status: 'failed', message: `-${i} seats left; =SUM(A1)` }
      : { row: row.row, status: 'invalid', message: '@email: must be an address' },
  );
}

describe('results and failed rows re-import as they were (BAD-INPUTS.md case 22)', () => {
  let dir: string;
  let payloads: SourceTable;
  let phones: SourceTable;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-results-roundtrip-'));
    payloads = await readTableFile(join(FIXTURES, 'formula-payloads.csv'));
    phones = await readTableFile(join(FIXTURES, 'phones.csv'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the fixture with every payload intact, multi-line and leading TAB/CR included', () => {
    expect(payloads.rows.map((row) => row.cells[1])).toEqual([
      '=HYPERLINK("http://evil.example/","click")',
      '+1-2',
      '@SUM(A1:A9)',
      '\tTabbed',
      '=1+1\nsecond line',
      '-5',
      '\rCarriage',
      "O'Brien",
    ]);
    expect(phones.rows.map((row) => row.cells[3]).slice(0, 2)).toEqual(['0012', '+14155550100']);
  });

  for (const format of FORMATS) {
    it(`failed rows (${format}): the same cells as the source rows, plus the reason`, async () => {
      for (const [name, source] of [
        ['payloads', payloads],
        ['phones', phones],
      ] as const) {
        const results = failEvery(source);
        const sheet = failedRowsTable(source, results);
        const path = join(dir, `${name}-failed.${format}`);
        await writeFailedRowsFile(path, sheet);
        const again = await readTableFile(path);
        expect(again.headers).toEqual([...source.headers, 'result_message']);
        expect(again.rows.map((row) => row.cells.slice(0, source.headers.length))).toEqual(
          source.rows.map((row) => row.cells),
        );
        expect(again.rows.map((row) => row.cells.at(-1))).toEqual(results.map((r) => r.message));
        expect(again.issues).toEqual([]);
      }
    });

    it(`results sheet (${format}): re-imports to the source cells and the four result columns`, async () => {
      const results = failEvery(payloads);
      const sheet = buildResultsTable(payloads, results);
      const path = join(dir, `payloads-results.${format}`);
      await writeResultsFile(path, sheet, SUMMARY);
      const again = await readTableFile(path);
      expect(again.headers).toEqual(sheet.headers);
      expect(again.rows.map((row) => row.cells)).toEqual(sheet.rows);
    });
  }

  it('CSV: every formula-like cell starts with an apostrophe, multi-line ones too', async () => {
    const path = join(dir, 'payloads-neutralised.csv');
    await writeFailedRowsFile(path, failedRowsTable(payloads, failEvery(payloads)));
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    for (const payload of [
      '=HYPERLINK',
      '+1-2',
      '@SUM',
      '\tTabbed',
      '=1+1\nsecond',
      '-5',
      '\rCarriage',
    ]) {
      const quoted = text.includes(`"'${payload}`) || text.includes(`,'${payload}`);
      expect(quoted, JSON.stringify(payload)).toBe(true);
    }
    // And never a bare one at the start of a cell.
    const cells = text.split(/,|\r\n/).map((cell) => cell.replace(/^"/, ''));
    expect(cells.filter((cell) => isFormulaLike(cell))).toEqual([]);
    expect(text).toContain(",O'Brien,");
  });

  it('XLSX: string cells only, never a formula', async () => {
    const path = join(dir, 'payloads-strings.xlsx');
    await writeFailedRowsFile(path, failedRowsTable(payloads, failEvery(payloads)));
    const entries = zipEntries(await readFile(path));
    const xml = sheetXml(entries, 1);
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(new Set(cellTypes(xml))).toEqual(new Set(['inlineStr']));
  });

  it('writeRunReport: the results of a run with the Summary sheet in XLSX, one sheet in CSV', async () => {
    const results = failEvery(phones);
    const xlsx = join(dir, 'report.xlsx');
    await writeRunReport(xlsx, { table: phones, results, summary: SUMMARY });
    expect((await readTableFile(xlsx, { sheet: 'Summary' })).rows[0]?.cells).toEqual([
      'Run ID',
      'r1',
    ]);
    const csv = join(dir, 'report.csv');
    await writeRunReport(csv, { table: phones, results, summary: SUMMARY });
    const table = await readTableFile(csv);
    expect(table.headers.slice(-4)).toEqual([
      'result_status',
      'result_id',
      'result_message',
      'source_row',
    ]);
    expect(table.rows[1]?.cells[3]).toBe('+14155550100');
  });
});
