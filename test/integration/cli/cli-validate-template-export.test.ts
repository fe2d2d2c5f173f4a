import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import { runCliProcess } from '../../helpers/run-cli-process';
import { validUsersCsv } from '../../helpers/users-csv';

const TOKEN = 'export-test-token';

describe('batchline validate, template and export', () => {
  let dir: string;
  let sim: ZoomSimulator;
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCliProcess(args, { cwd: dir, env });
  const zoomUsers = ['--target', 'zoom', '--kind', 'users'];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-cli-vte-'));
    sim = await startZoomSimulator({
      tokens: [TOKEN],
      seedUsers: 130,
      rateLimit: { perSecond: 100 },
    });
    await writeFile(join(dir, 'good.csv'), validUsersCsv(4));
    await writeFile(
      join(dir, 'bad.csv'),
      `${validUsersCsv(2).trimEnd()}\r\nbob@,Bob,B,7001,US/CA Unlimited Calling,Main Office\r\nnew.user1@example.com,Dup,E,7002,US/CA Unlimited Calling,Main Office\r\n`,
    );
  });
  afterAll(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('validate exits 0 for a clean sheet and prints the counts', async () => {
    const run = await cli(['validate', 'good.csv', ...zoomUsers]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('4 rows · 4 valid · 0 invalid');
  });

  it('validate --json lists errors with row and column and exits 1', async () => {
    const run = await cli(['validate', 'bad.csv', ...zoomUsers, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      total: number;
      valid: number;
      invalid: number;
      errors: { row: number; column: string; message: string }[];
    };
    expect(report).toMatchObject({ total: 4, valid: 2, invalid: 2 });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, column: 'Work Email' }),
        expect.objectContaining({
          row: 5,
          column: 'Work Email',
          message: expect.stringMatching(/row 2/),
        }),
      ]),
    );
  });

  it('validate --report writes every problem to a sheet', async () => {
    const run = await cli(['validate', 'bad.csv', ...zoomUsers, '--report', 'problems.csv']);
    expect(run.code).toBe(1);
    const report = await readFile(join(dir, 'problems.csv'), 'utf8');
    expect(report.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('row,column,severity,code,message');
    expect(report).toContain('Work Email');
  });

  it('template writes a CSV and an XLSX with the dataset headers and an example row', async () => {
    expect((await cli(['template', ...zoomUsers, '--out', 'users-template.csv'])).code).toBe(0);
    const csv = (await readFile(join(dir, 'users-template.csv'), 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toMatch(/^email,/);
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect((await cli(['template', ...zoomUsers, '--out', 'users-template.xlsx'])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'users-template.xlsx'));
    expect(workbook.worksheets[0]?.getRow(1).getCell(1).text).toBe('email');
  });

  it('template refuses an output that is neither .csv nor .xlsx', async () => {
    const run = await cli(['template', ...zoomUsers, '--out', 'users.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.csv or .xlsx');
  });

  it('export pages through every user and writes the import layout, which validates back cleanly', async () => {
    const run = await cli(
      ['export', ...zoomUsers, '--base-url', sim.url, '--out', 'export.csv', '--json'],
      { BATCHLINE_TOKEN: TOKEN },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 130, requests: 2 });
    const csv = (await readFile(join(dir, 'export.csv'), 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.trim().split('\r\n')).toHaveLength(131);
    const back = await cli(['validate', 'export.csv', ...zoomUsers, '--json']);
    const report = JSON.parse(back.stdout) as { valid: number; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(130);
  });

  it('export with a rejected token says so in one line and exits 2', async () => {
    const run = await cli(['export', ...zoomUsers, '--base-url', sim.url, '--out', 'x.csv'], {
      BATCHLINE_TOKEN: 'wrong',
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/HTTP 401/);
  });
});
