import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import {
  pushUntilSomeRowsDone,
  RESUME_USERS,
  RunsPage,
  writeResumeUsersCsv,
} from './pages/runs-page';
import { Screenshots } from './pages/screenshots';

describe('a run opened on the Runs page', () => {
  const session = useE2eSession();
  let dir = '';

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'batchline-run-detail-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows a cancelled run’s rows not done as pending, by keyboard, in dark mode, and exports XLSX', async () => {
    const { app, page, flow } = session();
    const runs = new RunsPage(page);
    const shots = new Screenshots('run-detail');
    await page.emulateMedia({ colorScheme: 'dark' });
    await flow.open(app.url);
    await pushUntilSomeRowsDone(flow, await writeResumeUsersCsv(dir));
    await page.getByTestId('cancel-run').click();
    await flow.waitForStep('results');
    const created = await flow.tile('created');

    await runs.open();
    const run = await runs.waitForState(runs.newest(), 'cancelled');
    // Keyboard only: the run's Open button, then Enter.
    await run.getByTestId('run-open').focus();
    await page.keyboard.press('Enter');
    const detail = await runs.waitForDetail();
    expect(await detail.getAttribute('data-state')).toBe('cancelled');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('run-detail-title');
    expect(await runs.detailCount('created')).toBe(created);
    const pending = await runs.detailCount('pending');
    expect(created + pending).toBe(RESUME_USERS);
    expect(await page.getByTestId('run-detail-chart-bar').getAttribute('aria-label')).toBe(
      `Outcomes of ${RESUME_USERS} rows: ${created} created, 0 skipped, 0 failed, 0 invalid, ${pending} pending`,
    );
    expect(await page.getByTestId('run-detail-resume').isVisible()).toBe(true);
    await runs.detailRows();
    await shots.take(page, 'cancelled-dark');

    const rows = await runs.filterDetail('pending');
    expect(await rows.first().textContent()).toContain('Not sent: the run was cancelled');
    const first = Number(await rows.first().getAttribute('data-row'));
    expect(first).toBeGreaterThan(1);
    await shots.take(page, 'cancelled-dark-pending');

    const workbook = await flow.download(page.getByTestId('run-detail-export-all-xlsx'));
    expect(workbook.fileName).toMatch(/-results\.xlsx$/);

    await page.setViewportSize({ width: 820, height: 760 });
    await shots.take(page, 'cancelled-dark-narrow');

    await page.getByTestId('run-detail-back').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('runs-list').waitFor();
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
    ).toBe('run-open');
  });
});
