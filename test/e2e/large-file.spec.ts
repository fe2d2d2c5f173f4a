import { describe, expect, it } from 'vitest';
import { validUsersCsv } from '../helpers/users-csv';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

const ROWS = 100_000;

describe('a 100,000-row file', () => {
  const session = useE2eSession();

  it('reviews in a virtualised table that reaches the last row', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('large-file');
    await flow.open(app.url);
    await flow.chooseFile({
      name: 'everyone.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(validUsersCsv(ROWS), 'utf8'),
    });
    await flow.waitForStep('mapping');
    await flow.continueToReview();
    expect(await flow.count('rows')).toBe(ROWS);

    const grid = page.getByTestId('source-grid');
    const rendered = grid.locator('[role="row"][data-row]');
    // Only the rows in view (plus overscan) are in the DOM, never all of them.
    expect(await rendered.count()).toBeLessThan(100);
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(ROWS + 1));

    await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const last = grid.locator(`[role="row"][data-row="${ROWS + 1}"]`);
    await last.waitFor();
    expect(await rendered.count()).toBeLessThan(100);
    await shots.take(page, 'review-scrolled-to-end');
  });
});
