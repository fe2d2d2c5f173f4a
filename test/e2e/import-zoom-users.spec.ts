import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/users-with-errors.csv');

// What the fixture holds: 12 people, 4 of them with one error each (row = line in the file).
const TOTAL = 12;
const INVALID_ROWS = [4, 7, 9, 11];
const VALID = TOTAL - INVALID_ROWS.length;

describe('import Zoom Phone users from an HR export', () => {
  const session = useE2eSession();

  it('maps, reviews, pushes to the Sandbox and exports a results sheet', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('import-zoom-users');

    await flow.open(app.url);
    await flow.waitForStep('start');
    expect(await flow.connectionBadge().textContent()).toContain(
      'Sandbox — local simulator, nothing leaves this computer',
    );
    await shots.take(page, 'start');

    const template = await flow.download(page.getByTestId('download-template'));
    expect(template.fileName).toMatch(/\.csv$/);
    expect(template.text.split(/\r?\n/)[0]).toContain('email');

    await flow.chooseFile(FIXTURE);
    await flow.waitForStep('mapping');
    expect(await flow.mappedHeader('email')).toBe('Work Email');
    expect(await flow.mappedHeader('first_name')).toBe('Given Name');
    expect(await flow.mappedHeader('last_name')).toBe('Surname');
    expect(await flow.mappedHeader('extension_number')).toBe('Ext');
    expect(await flow.mappedHeader('phone_numbers')).toBe('Direct Dial');
    expect(await flow.mappedHeader('calling_plans')).toBe('Calling Plan');
    expect(await flow.page.getByTestId('fact-rows').textContent()).toBe(String(TOTAL));
    expect(await flow.page.getByTestId('field-email').textContent()).toContain(
      'ava.lindqvist@example.com',
    );
    expect(await flow.continueButton().isEnabled()).toBe(true);
    await shots.take(page, 'mapping');

    await flow.continueToReview();
    expect(await flow.count('rows')).toBe(TOTAL);
    expect(await flow.count('valid')).toBe(VALID);
    expect(await flow.count('invalid')).toBe(INVALID_ROWS.length);
    const badEmail = await flow.sourceCell(4, 'Work Email');
    expect(await badEmail.getAttribute('data-issue')).toBe('error');
    expect(await badEmail.getAttribute('title')).toMatch(/email/i);
    expect(await (await flow.sourceCell(4, 'Given Name')).getAttribute('data-issue')).toBeNull();
    expect(await flow.problem(4, 'Work Email').textContent()).toMatch(/Row 4 · Work Email/);
    expect(await flow.problem(7, 'Ext').count()).toBe(1);
    expect(await page.getByTestId('invalid-note').textContent()).toContain(
      'will be reported as invalid',
    );
    expect(await flow.planButton().textContent()).toBe('Plan push to Sandbox');
    await shots.take(page, 'review');

    await page.getByTestId('filter-problems').check();
    await flow.reviewRowsLoaded();
    expect(await page.locator('[data-testid="source-grid"] [role="row"][data-row]').count()).toBe(
      INVALID_ROWS.length,
    );
    await shots.take(page, 'review-problems-only');

    await flow.planAndPush();
    await flow.waitForStep('run');
    // One check in the page: a short push can leave the run step between two separate calls.
    await page.waitForFunction(
      () => document.querySelector('[role="progressbar"]')?.hasAttribute('aria-valuenow') === true,
    );
    // No shot here: this push takes 0.1 s; pause-resume.spec.ts shoots the running step.

    await flow.waitForStep('results');
    expect(await flow.tile('created')).toBe(VALID);
    expect(await flow.tile('invalid')).toBe(INVALID_ROWS.length);
    expect(await flow.tile('failed')).toBe(0);
    expect(await page.locator('[data-testid="results-grid"] [role="row"][data-row]').count()).toBe(
      TOTAL,
    );
    // Who each row is arrives with the rows' pages, just after the outcomes.
    await page.getByTestId('results-grid').getByText('ava.lindqvist@example.com').waitFor();
    await shots.take(page, 'results');

    const exported = await flow.download(page.getByTestId('export-all'));
    expect(exported.fileName).toMatch(/\.csv$/);
    const parsed = Papa.parse<Record<string, string>>(exported.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(TOTAL);
    const statusByEmail = new Map(
      parsed.data.map((record) => [record['Work Email'], record.result_status]),
    );
    expect(statusByEmail.get('ava.lindqvist@example.com')).toBe('created');
    expect(statusByEmail.get('bob@')).toBe('invalid');
    expect(parsed.data.filter((record) => record.result_status === 'created')).toHaveLength(VALID);
    expect(parsed.data.filter((record) => record.result_status === 'invalid')).toHaveLength(
      INVALID_ROWS.length,
    );
    expect(
      parsed.data.every(
        (record) => (record.result_id ?? '') !== '' || record.result_status !== 'created',
      ),
    ).toBe(true);

    const failed = await flow.download(page.getByTestId('export-failed'));
    const failedRows = Papa.parse<Record<string, string>>(failed.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(failedRows.data.map((record) => record['Work Email']).sort()).toEqual([
      'bob@',
      'elena.rossi@example.com',
      'gus.moreno@example.com',
      'ivan.petrov@example.com',
    ]);

    await page.getByTestId('results-filter').selectOption('invalid');
    expect(await page.locator('[data-testid="results-grid"] [role="row"][data-row]').count()).toBe(
      INVALID_ROWS.length,
    );
    await shots.take(page, 'results-invalid-only');

    await page.getByTestId('new-import').click();
    await flow.waitForStep('start');
  });

  it('goes back from review to mapping with the choices kept', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await flow.chooseFile(FIXTURE);
    await flow.waitForStep('mapping');
    await page.getByTestId('map-field-site_name').selectOption('');
    await flow.continueToReview();
    await page.getByTestId('back-button').click();
    await flow.waitForStep('mapping');
    expect(await flow.mappedHeader('site_name')).toBe('');
    expect(await flow.mappedHeader('email')).toBe('Work Email');
    await page.getByTestId('back-button').click();
    await flow.waitForStep('start');
  });
});
