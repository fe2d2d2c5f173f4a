import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import { readTableFile } from '../../../main/services/files/read-table-file';
import { STATUS_COLOURS } from '../../../main/services/files/xlsx-writer/xlsx-styles';
import { runCliProcess } from '../../helpers/run-cli-process';
import { validUsersCsv } from '../../helpers/users-csv';
import { cellTypes, sheetXml, zipEntries } from '../../unit/main/services/files/xlsx-parts';

const TOKEN = 'write-results-token';
const ZOOM_USERS = ['--target', 'zoom', '--kind', 'users'];

/** Every cell of every sheet is an inline string and no cell holds a formula. */
function expectStringCellsOnly(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  const sheets = [...entries.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  expect(sheets.length).toBeGreaterThan(0);
  sheets.forEach((_, i) => {
    const xml = sheetXml(entries, i + 1);
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(new Set(cellTypes(xml))).toEqual(new Set(['inlineStr']));
  });
}

describe('the CLI writes XLSX results, templates and exports with the new writer', () => {
  let dir: string;
  let sim: ZoomSimulator;
  const cli = (args: string[]) =>
    runCliProcess(args, { cwd: dir, env: { BATCHLINE_TOKEN: TOKEN } });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-write-results-cli-'));
    sim = await startZoomSimulator({
      tokens: [TOKEN],
      seedUsers: 30,
      rateLimit: { perSecond: 100 },
    });
    // Three good users, one bad email, one formula payload in a name, one + phone number.
    await writeFile(
      join(dir, 'users.csv'),
      `${validUsersCsv(3).trimEnd()}\r\nbob@,Bob,B,7001,US/CA Unlimited Calling,Main Office\r\nnew.user9@example.com,"=HYPERLINK(""http://evil.example/"")",E,7002,US/CA Unlimited Calling,Main Office\r\n`,
    );
  });
  afterAll(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('push --report results.xlsx: coloured statuses, a Summary sheet, string cells; the run keeps results.csv', async () => {
    const run = await cli([
      'push',
      'users.csv',
      ...ZOOM_USERS,
      '--base-url',
      sim.url,
      '--runs-dir',
      join(dir, 'runs'),
      '--report',
      'results.xlsx',
      '--json',
    ]);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as { runId: string; created: number; invalid: number };
    expect(summary).toMatchObject({ created: 4, invalid: 1 });

    const bytes = await readFile(join(dir, 'results.xlsx'));
    expectStringCellsOnly(bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Results', 'Summary']);
    const results = workbook.getWorksheet('Results');
    const header: string[] = [];
    results?.getRow(1).eachCell((cell) => header.push(cell.text));
    const statusColumn = header.indexOf('result_status') + 1;
    const fills = new Map<string, string | undefined>();
    results?.eachRow((row, n) => {
      if (n > 1) {
        const cell = row.getCell(statusColumn);
        const fill = cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
        fills.set(cell.text, fill);
      }
    });
    expect(fills).toEqual(
      new Map([
        ['created', STATUS_COLOURS.created.fill],
        ['invalid', STATUS_COLOURS.invalid.fill],
      ]),
    );

    const facts = await readTableFile(join(dir, 'results.xlsx'), { sheet: 'Summary' });
    const byItem = new Map(facts.rows.map((row) => [row.cells[0], row.cells[1]]));
    expect(byItem.get('Run ID')).toBe(summary.runId);
    expect(byItem.get('Target')).toBe('zoom');
    expect(byItem.get('File')).toBe('users.csv');
    expect(byItem.get('Created')).toBe('4');
    expect(byItem.get('Finished at')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

    const table = await readTableFile(join(dir, 'results.xlsx'));
    expect(table.rows.find((row) => row.cells[0] === 'new.user9@example.com')?.cells[1]).toBe(
      '=HYPERLINK("http://evil.example/")',
    );
    const runFiles = await readdir(join(dir, 'runs', summary.runId));
    expect(runFiles).toContain('results.csv');
    expect(runFiles).toContain('failed-rows.csv');
  });

  it('push --report with another extension is refused before anything is sent', async () => {
    const before = sim.state.requests.length;
    const run = await cli([
      'push',
      'users.csv',
      ...ZOOM_USERS,
      '--base-url',
      sim.url,
      '--runs-dir',
      join(dir, 'runs-refused'),
      '--report',
      'results.txt',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.csv or .xlsx');
    expect(sim.state.requests.length).toBe(before);
    await expect(readdir(join(dir, 'runs-refused'))).rejects.toThrow();
  });

  it('template --out x.xlsx: dropdowns, notes and the Columns sheet', async () => {
    const run = await cli(['template', ...ZOOM_USERS, '--out', 'template.xlsx']);
    expect(run.code).toBe(0);
    const bytes = await readFile(join(dir, 'template.xlsx'));
    expectStringCellsOnly(bytes);
    const entries = zipEntries(bytes);
    expect(sheetXml(entries, 1)).toContain('<formula1>&quot;Yes,No&quot;</formula1>');
    expect([...entries.keys()].some((name) => name.startsWith('xl/comments'))).toBe(true);
    const columns = await readTableFile(join(dir, 'template.xlsx'), { sheet: 'Columns' });
    expect(columns.rows[0]?.cells.slice(0, 2)).toEqual(['email', 'yes']);
  });

  it('export --out x.xlsx: string cells that validate back cleanly', async () => {
    const run = await cli(['export', ...ZOOM_USERS, '--base-url', sim.url, '--out', 'export.xlsx']);
    expect(run.code).toBe(0);
    expectStringCellsOnly(await readFile(join(dir, 'export.xlsx')));
    const back = await cli(['validate', 'export.xlsx', ...ZOOM_USERS, '--json']);
    const report = JSON.parse(back.stdout) as { valid: number; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.valid).toBeGreaterThanOrEqual(30);
  });
});
