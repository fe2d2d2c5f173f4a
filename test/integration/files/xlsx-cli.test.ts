/**
 * `batchline validate` on workbooks, through the real CLI process: the sheet is chosen, the
 * header found below a title, reading problems reach the report with row and column, and
 * unreadable workbooks are refused in one line with exit 2.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from '../../helpers/run-cli-process';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/xlsx/${name}`, import.meta.url));
let dir: string;

const validate = (file: string, ...extra: string[]): Promise<CliRun> =>
  runCliProcess(['validate', file, '--target', 'zoom', '--kind', 'users', '--json', ...extra], {
    cwd: dir,
    env: { BATCHLINE_DATA_DIR: join(dir, 'data') },
  });

function expectOneLineRefusal(run: CliRun, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
}

/** An HR export: a hidden lookup sheet first, a title above the header, Excel's oddities. */
async function hrWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Lookups', { state: 'hidden' }).addRow(['Calling Plan']);
  const sheet = workbook.addWorksheet('Users');
  sheet.addRow(['New starters — January']);
  sheet.addRow([]);
  sheet.addRow(['Work Email', 'Given Name', 'Surname', 'Ext', 'Calling Plan', 'Site']);
  const plan = 'US/CA Unlimited Calling';
  sheet.addRow(['ann@example.com', 'Ann', 'Lee', 5001, plan, 'Main Office']);
  sheet.addRow([
    { formula: 'LOWER(B5)&"@example.com"', result: 'bob@example.com' },
    'Bob',
    'Ray',
    5002,
    plan,
    'Main Office',
  ]);
  sheet.addRow(['cy@example.com', 'Cy', 'Doe', { error: '#N/A' }, plan, 'Main Office']);
  sheet.addRow(['dee@example.com', 'Dee', 'Sun', 5004, plan, 'Main Office']).hidden = true;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batchline-xlsx-cli-'));
  await writeFile(join(dir, 'users.xlsx'), await hrWorkbook());
  for (const name of ['c20-zip-bomb.xlsx', 'c21-password-protected.xlsx', 'c21-old-format.xls']) {
    await copyFile(fixture(name), join(dir, name));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('batchline validate on .xlsx', () => {
  it('reads the first visible sheet below its title and reports cell problems by row and column', async () => {
    const run = await validate('users.xlsx');
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as {
      total: number;
      valid: number;
      invalid: number;
      warnings: number;
      errors: { row: number; column: string | null; message: string }[];
    };
    expect(report).toMatchObject({ total: 4, valid: 3, invalid: 1 });
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        row: 6,
        column: 'Ext',
        message: 'D6: #N/A — the cell shows an Excel error, not a value',
      }),
    );
    expect(report.warnings).toBeGreaterThanOrEqual(2);
    expect(run.code).toBe(1);
  });

  it('names the sheets when --sheet names none of them', async () => {
    expectOneLineRefusal(
      await validate('users.xlsx', '--sheet', 'Staff'),
      /^batchline: No sheet "Staff" in users\.xlsx; sheets: Lookups \(hidden\), Users$/m,
    );
  });

  it('refuses a zip bomb, a password-protected workbook and an .xls in one line each', async () => {
    const started = Date.now();
    expectOneLineRefusal(await validate('c20-zip-bomb.xlsx'), /looks like a zip bomb/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expectOneLineRefusal(
      await validate('c21-password-protected.xlsx'),
      /is password-protected; save it without a password/,
    );
    expectOneLineRefusal(await validate('c21-old-format.xls'), /Excel 97-2003 \(\.xls\)/);
  });
});
