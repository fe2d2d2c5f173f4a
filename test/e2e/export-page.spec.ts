import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

describe('the Export page', () => {
  const session = useE2eSession();

  it('downloads what the Sandbox holds in the import layout, and names a bad filter line', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('export-page');
    await flow.open(app.url);
    await page.getByTestId('nav-export').click();
    await page.getByRole('heading', { name: 'Export from a target' }).waitFor();
    await page.getByTestId('export-dataset-zoom-users').check();
    await shots.take(page, 'export-start');

    await page.getByTestId('export-filters').fill('status=activate\nkeyword');
    await page.getByTestId('export-run').click();
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('line 2 "keyword"');
    await shots.take(page, 'export-bad-filter');

    await page.getByTestId('export-filters').fill('');
    const csv = await flow.download(page.getByTestId('export-run'));
    expect(csv.fileName).toMatch(/^batchline-zoom-users-export-.*\.csv$/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toContain('email');
    expect(lines).toHaveLength(41);
    expect(await page.getByTestId('export-done').textContent()).toContain('Exported 40 users');
    await shots.take(page, 'export-done');
  });
});
