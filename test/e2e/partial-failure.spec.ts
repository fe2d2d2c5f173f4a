import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

// The shared HR fixture: 12 people with many kinds of mistakes, and sites and plan names the
// Sandbox account does not have, so the rows that pass validation are refused remotely.
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/zoom-users/mixed-errors.csv');
const TOTAL = 12;

describe('a push the phone system partly refuses', () => {
  const session = useE2eSession();

  it('reports refused rows as failed with the reason, and exports them with the invalid ones', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('partial-failure');
    await flow.openToReview(app.url, FIXTURE);
    const valid = await flow.count('valid');
    const invalid = await flow.count('invalid');
    expect(valid + invalid).toBe(TOTAL);
    expect(invalid).toBeGreaterThan(0);
    expect(await flow.problem(3, 'Work Email').count()).toBe(1);
    await shots.take(page, 'review');

    await flow.planAndPush();
    await flow.waitForStep('results');
    const created = await flow.tile('created');
    const failed = await flow.tile('failed');
    expect(await flow.tile('invalid')).toBe(invalid);
    expect(failed).toBeGreaterThan(0);
    expect(created + failed + (await flow.tile('skipped')) + invalid).toBe(TOTAL);

    await page.getByTestId('results-filter').selectOption('failed');
    const failedRows = page.locator('[data-testid="results-grid"] [role="row"][data-row]');
    expect(await failedRows.count()).toBe(failed);
    expect((await failedRows.first().textContent()) ?? '').toMatch(/site|plan/i);
    await shots.take(page, 'results-failed');

    const exported = await flow.download(page.getByTestId('export-failed'));
    const rows = Papa.parse<Record<string, string>>(exported.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.data).toHaveLength(failed + invalid);
    // The file goes back in once fixed: source columns plus the reason, no status column.
    expect(rows.meta.fields).toContain('Work Email');
    expect(rows.data.every((record) => (record.result_message ?? '').trim() !== '')).toBe(true);
  });
});
