import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STATUS_COLOURS } from '../../main/services/files/xlsx-writer/xlsx-styles';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/users-with-errors.csv');
// 12 people, 4 with one error each: 8 created on the Sandbox, 4 invalid.
const TOTAL = 12;
const CREATED = 8;
const INVALID = 4;
// One numbering for both tests of the file: 01-…, 02-… in the order they run.
const shots = new Screenshots('results-export');

/** Clicks a button that saves a file and returns the name and bytes saved. */
async function downloadBytes(
  page: Page,
  button: Locator,
): Promise<{ fileName: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { fileName: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every cell of a sheet as [row][column] text, checking on the way that it is a string. */
function stringCells(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      // Inline strings read back as (one-run) rich text; never a number, date or formula.
      expect([ExcelJS.ValueType.RichText, ExcelJS.ValueType.Null], cell.address).toContain(
        cell.type,
      );
      cells.push(cell.text);
    });
    rows.push(cells);
  });
  return rows;
}

describe('results export as XLSX and CSV', () => {
  const session = useE2eSession();

  it('pushes to the Sandbox, then downloads results and failed rows as XLSX with string cells, colours and a summary', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await flow.waitForStep('start');
    await shots.take(page, 'start-template-buttons');

    const template = await downloadBytes(page, page.getByTestId('download-template-xlsx'));
    expect(template.fileName).toBe('batchline-zoom-users-template.xlsx');
    const templateBook = await workbookOf(template.bytes);
    expect(templateBook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Zoom Phone users',
      'Columns',
    ]);
    expect(stringCells(templateBook.worksheets[0] as ExcelJS.Worksheet)[0]?.[0]).toBe('email');

    await flow.chooseFile(FIXTURE);
    await flow.waitForStep('mapping');
    await flow.continueToReview();
    await flow.planAndPush();
    await flow.waitForStep('results');
    expect(await flow.tile('created')).toBe(CREATED);
    expect(await flow.tile('invalid')).toBe(INVALID);
    await shots.take(page, 'results');

    const results = await downloadBytes(page, page.getByTestId('export-all-xlsx'));
    expect(results.fileName).toBe('users-with-errors-results.xlsx');
    const book = await workbookOf(results.bytes);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Results', 'Summary']);
    const sheet = book.getWorksheet('Results') as ExcelJS.Worksheet;
    const cells = stringCells(sheet);
    const header = cells[0] ?? [];
    expect(header.slice(-4)).toEqual([
      'result_status',
      'result_id',
      'result_message',
      'source_row',
    ]);
    expect(cells).toHaveLength(TOTAL + 1);
    const statusColumn = header.indexOf('result_status');
    const fills = new Map<string, string | undefined>();
    for (let r = 2; r <= TOTAL + 1; r++) {
      const cell = sheet.getRow(r).getCell(statusColumn + 1);
      fills.set(cell.text, cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);
    }
    expect(fills).toEqual(
      new Map([
        ['created', STATUS_COLOURS.created.fill],
        ['invalid', STATUS_COLOURS.invalid.fill],
      ]),
    );
    // Numbers stay text as written: the direct dial keeps its +, the extension its digits.
    const ava = cells.find((row) => row[0] === 'ava.lindqvist@example.com');
    expect(ava?.[header.indexOf('Direct Dial')]).toBe('+12125550150');
    expect(ava?.[header.indexOf('Ext')]).toBe('2001');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const summary = new Map(
      stringCells(book.getWorksheet('Summary') as ExcelJS.Worksheet).map((row) => [row[0], row[1]]),
    );
    expect(summary.get('Target')).toBe('zoom');
    expect(summary.get('Kind')).toBe('users');
    expect(summary.get('File')).toBe('users-with-errors.csv');
    expect(summary.get('Total rows')).toBe(String(TOTAL));
    expect(summary.get('Created')).toBe(String(CREATED));
    expect(summary.get('Invalid')).toBe(String(INVALID));
    expect(summary.get('Finished at')).toMatch(/ UTC$/);

    const failed = await downloadBytes(page, page.getByTestId('export-failed-xlsx'));
    expect(failed.fileName).toBe('users-with-errors-failed-rows.xlsx');
    const failedBook = await workbookOf(failed.bytes);
    const failedCells = stringCells(failedBook.worksheets[0] as ExcelJS.Worksheet);
    expect(failedCells).toHaveLength(INVALID + 1);
    expect(failedCells[0]?.at(-1)).toBe('result_message');

    // The CSV buttons still give the canonical CSV.
    const csv = await flow.download(page.getByTestId('export-all'));
    expect(csv.fileName).toBe('users-with-errors-results.csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);

    // Keyboard focus shows on the half it is on, above the neighbouring border.
    await page.mouse.move(0, 0);
    await page.getByTestId('export-failed').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'export-failed-xlsx',
    );
    await shots.take(page, 'results-keyboard-focus');
  });
});

describe('results export buttons in dark mode', () => {
  const session = useE2eSession({ colorScheme: 'dark' });

  it('shows both export groups legibly', async () => {
    const { app, page, flow } = session();
    await flow.openToReview(app.url, FIXTURE);
    await flow.planAndPush();
    await flow.waitForStep('results');
    expect(await page.getByRole('group', { name: 'Export failed rows' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export results as XLSX' }).isEnabled()).toBe(
      true,
    );
    await shots.take(page, 'results-dark');
  });
});
