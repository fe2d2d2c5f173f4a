import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEAM_SHEETS, teamWorkbook } from '../helpers/team-workbook';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const CP1252 = path.join(FIXTURES, 'csv/cp1252.csv');
const TITLE_ROWS = path.join(FIXTURES, 'csv/title-rows.csv');
// Same columns, different people: the second file of the "remembered mapping" test.
const FIRST_EXPORT = path.join(FIXTURES, 'e2e/users-with-errors.csv');
const SECOND_EXPORT = path.join(FIXTURES, 'zoom-users/valid-25.csv');
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Waits until a select shows `value`: main has answered the reopen it started. */
async function waitForValue(page: Page, testId: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([id, wanted]) =>
      document.querySelector<HTMLSelectElement>(`[data-testid="${id}"]`)?.value === wanted,
    [testId, value] as const,
  );
}

async function samples(page: Page, field: string): Promise<string> {
  return (await page.getByTestId(`field-${field}`).locator('.field-samples').textContent()) ?? '';
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

describe('how a file is read: encoding, sheet, header row, remembered mapping', () => {
  const session = useE2eSession();
  const shots = new Screenshots('file-options');

  it('shows a Windows-1252 guess, lets the admin switch to UTF-8 and back', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await flow.chooseFile(CP1252);
    await flow.waitForStep('mapping');

    const encoding = page.getByTestId('encoding-select');
    expect(await encoding.inputValue()).toBe('windows-1252');
    expect(await page.getByTestId('encoding-badge').textContent()).toBe('guessed');
    expect(await samples(page, 'first_name')).toContain('José');
    expect(await samples(page, 'last_name')).toContain('Müller');
    expect(await page.getByTestId('delimiter-select').inputValue()).toBe(',');
    await shots.take(page, 'cp1252-guessed');
    await shots.takeElement(page.getByTestId('file-facts'), 'cp1252-guessed-panel');

    await encoding.selectOption('utf-8');
    const undecodable = page.getByTestId('encoding-undecodable');
    await undecodable.waitFor();
    expect(await undecodable.textContent()).toContain('could not be read as UTF-8');
    expect(await samples(page, 'first_name')).toContain('Jos\uFFFD');
    expect(await page.getByTestId('encoding-badge').textContent()).toBe('your choice');
    await shots.takeElement(page.getByTestId('file-facts'), 'cp1252-read-as-utf8-panel');

    await encoding.selectOption('windows-1252');
    await undecodable.waitFor({ state: 'detached' });
    await waitForValue(page, 'encoding-select', 'windows-1252');
    expect(await samples(page, 'first_name')).toContain('José');
    expect(await samples(page, 'first_name')).toContain('Zoë');
    expect(await samples(page, 'last_name')).toContain('Ångström – €');
    expect(await samples(page, 'first_name')).not.toContain('\uFFFD');
    await shots.take(page, 'cp1252-back');
  });

  it('finds the header below title rows, and lets the admin move it', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await flow.chooseFile(TITLE_ROWS);
    await flow.waitForStep('mapping');

    const header = page.getByTestId('header-row-select');
    expect(await header.inputValue()).toBe('4');
    expect(await page.getByTestId('header-row-note').textContent()).toContain('above row 4');
    expect(await page.getByTestId('fact-rows').textContent()).toBe('3');
    expect(await flow.mappedHeader('email')).toBe('Work Email');
    expect(await flow.mappedHeader('calling_plans')).toBe('Calling Plan');
    await shots.take(page, 'title-rows-detected');
    await shots.takeElement(page.getByTestId('file-facts'), 'title-rows-panel');

    await header.selectOption('1');
    await waitForValue(page, 'header-row-select', '1');
    expect(await page.getByTestId('fact-rows').textContent()).toBe('5');
    expect(await flow.continueButton().isDisabled()).toBe(true);
    await shots.take(page, 'title-row-chosen-as-header');

    await header.selectOption('4');
    await waitForValue(page, 'header-row-select', '4');
    expect(await flow.mappedHeader('email')).toBe('Work Email');
    await flow.continueToReview();
    expect(await flow.count('rows')).toBe(3);
    expect(await (await flow.sourceCell(5, 'Work Email')).textContent()).toBe(
      'ana.silva@example.com',
    );
  });

  it('reads the sheet the admin picks from a workbook, then the header row they move', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    const buffer = await teamWorkbook();
    await flow.chooseFile({ name: 'teams.xlsx', mimeType: XLSX_MIME, buffer });
    await flow.waitForStep('mapping');

    // The first visible sheet is read; the hidden one is listed, labelled, never the default.
    const sheet = page.getByTestId('sheet-select');
    expect(await sheet.inputValue()).toBe(TEAM_SHEETS.sales);
    expect(await sheet.locator('option').allTextContents()).toEqual([
      'Sales · up to row 4',
      'Old Sales (hidden) · up to row 2',
      'Support · up to row 8',
    ]);
    expect(await text(page, 'sheet-help')).toBe('1 hidden sheet is read only if you choose it.');
    expect(await page.getByTestId('encoding-select').count()).toBe(0);
    expect(await page.getByTestId('delimiter-select').count()).toBe(0);
    expect(await page.getByTestId('header-row-select').inputValue()).toBe('1');
    expect(await text(page, 'fact-rows')).toBe('3');
    expect(await samples(page, 'email')).toContain('silva@sales.example.com');
    await shots.take(page, 'workbook-first-sheet');
    await shots.takeElement(page.getByTestId('file-facts'), 'workbook-first-sheet-panel');

    // The second sheet: its header found below the title rows, its people mapped.
    await sheet.selectOption(TEAM_SHEETS.support);
    await waitForValue(page, 'header-row-select', '4');
    expect(await sheet.inputValue()).toBe(TEAM_SHEETS.support);
    expect(await text(page, 'sheet-badge')).toBe('your choice');
    expect(await text(page, 'fact-rows')).toBe('4');
    expect(await text(page, 'header-row-note')).toBe(
      'Rows of sheet “Support” above row 4 (titles, notes) are not imported.',
    );
    expect(await flow.mappedHeader('email')).toBe('Work Email');
    expect(await samples(page, 'email')).toContain('martin@support.example.com');
    expect(await samples(page, 'email')).not.toContain('sales.example.com');
    await shots.take(page, 'workbook-second-sheet');
    await shots.takeElement(page.getByTestId('file-facts'), 'workbook-second-sheet-panel');

    // The title row as the header: one column, nothing maps, Continue waits.
    const header = page.getByTestId('header-row-select');
    await header.selectOption('1');
    await waitForValue(page, 'header-row-select', '1');
    expect(await sheet.inputValue()).toBe(TEAM_SHEETS.support);
    expect(await text(page, 'fact-rows')).toBe('6');
    expect(await flow.mappedHeader('email')).toBe('');
    expect(await flow.continueButton().isDisabled()).toBe(true);
    await shots.take(page, 'workbook-title-row-as-header');

    await header.selectOption('4');
    await waitForValue(page, 'header-row-select', '4');
    expect(await flow.mappedHeader('email')).toBe('Work Email');
    await flow.continueToReview();
    expect(await flow.count('rows')).toBe(4);
    await flow.reviewRowsLoaded();
    expect(await (await flow.sourceCell(5, 'Work Email')).textContent()).toBe(
      'silva@support.example.com',
    );
    await shots.take(page, 'workbook-second-sheet-review');
  });

  it('reopens the next file with the same columns using the mapping and country chosen last time', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await flow.chooseFile(FIRST_EXPORT);
    await flow.waitForStep('mapping');
    expect(await page.getByTestId('mapping-remembered').count()).toBe(0);
    expect(await flow.mappedHeader('site_name')).toBe('Site');
    await page.getByTestId('map-field-site_name').selectOption('');
    expect(await page.getByTestId('country-select').inputValue()).toBe('');
    await page.getByTestId('country-select').selectOption('GB');
    await flow.continueToReview();

    const settings = JSON.parse(
      await readFile(path.join(app.dataDir, 'settings.json'), 'utf8'),
    ) as {
      rememberedMappings: Record<
        string,
        Record<string, { mapping: Record<string, string>; country?: string }>
      >;
    };
    const saved = Object.values(settings.rememberedMappings['zoom/users'] ?? {});
    expect(saved).toHaveLength(1);
    expect(saved[0]?.mapping.site_name).toBeUndefined();
    expect(saved[0]?.country).toBe('GB');

    await page.getByTestId('back-button').click();
    await flow.waitForStep('mapping');
    await page.getByTestId('back-button').click();
    await flow.waitForStep('start');
    await flow.chooseFile(SECOND_EXPORT);
    await flow.waitForStep('mapping');
    const note = page.getByTestId('mapping-remembered');
    expect(await note.textContent()).toContain(
      'Using the mapping you chose last time for these columns, with phone numbers without “+” read as United Kingdom numbers.',
    );
    expect(await page.getByTestId('country-select').inputValue()).toBe('GB');
    expect(await flow.mappedHeader('site_name')).toBe('');
    expect(await flow.mappedHeader('email')).toBe('Work Email');
    await shots.take(page, 'remembered-mapping');

    await page.getByTestId('mapping-reset').click();
    await note.waitFor({ state: 'detached' });
    expect(await flow.mappedHeader('site_name')).toBe('Site');
    await shots.take(page, 'reset-to-automatic');
  });
});
