import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import {
  pushUntilSomeRowsDone,
  REFUSED_ROWS,
  RESUME_USERS,
  RunsPage,
  writeCohortWithRefusals,
} from './pages/runs-page';
import { Screenshots } from './pages/screenshots';

describe('pausing a push in the wizard and opening its run', () => {
  const session = useE2eSession();
  let dir = '';

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'batchline-pause-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('pauses, resumes to the end, then shows the run’s failed rows on the Runs page', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('pause-resume');
    const runs = new RunsPage(page);
    const file = await writeCohortWithRefusals(dir);

    await flow.open(app.url);
    await pushUntilSomeRowsDone(flow, file);
    // Time left and the pace against the connection's limit, once main has a pace.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="run-eta"]')?.textContent !== '…',
    );
    expect(await page.getByTestId('run-rps').textContent()).toMatch(
      /^\d+\.\d\/s · (at the 10\/s limit|\d+% of the 10\/s limit)$/,
    );
    await shots.take(page, 'running');

    await page.getByTestId('pause-run').click();
    const title = page.getByTestId('run-paused-title');
    await page.waitForFunction(() =>
      /^Paused — /.test(
        document.querySelector('[data-testid="run-paused-title"]')?.textContent ?? '',
      ),
    );
    const [, done, total] = /^Paused — (\d+) of (\d+) rows done$/.exec(
      (await title.textContent()) ?? '',
    ) ?? ['', '0', '0'];
    expect(Number(total)).toBe(RESUME_USERS);
    expect(Number(done)).toBeGreaterThan(0);
    expect(Number(done)).toBeLessThan(RESUME_USERS);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('run-title');
    const pausedChart = page.getByTestId('paused-chart-bar');
    expect(await pausedChart.getAttribute('aria-label')).toMatch(/ pending$/);
    await shots.take(page, 'paused');

    await page.getByTestId('resume-run').click();
    await page.getByTestId('run-paused').waitFor({ state: 'detached' });
    await flow.waitForStep('results');
    expect(await page.getByTestId('results-title').getAttribute('data-state')).toBe('completed');
    const refused = REFUSED_ROWS.length;
    expect(await flow.tile('created')).toBe(RESUME_USERS - refused);
    expect(await flow.tile('failed')).toBe(refused);
    expect(await page.getByTestId('results-chart-bar').getAttribute('aria-label')).toBe(
      `Outcomes of ${RESUME_USERS} rows: ${RESUME_USERS - refused} created, 0 skipped, ${refused} failed, 0 invalid`,
    );
    await shots.take(page, 'results');

    await runs.open();
    const run = await runs.waitForState(runs.newest(), 'completed');
    const detail = await runs.openRun(run);
    expect(await detail.getAttribute('data-state')).toBe('completed');
    expect(await page.getByTestId('detail-target').textContent()).toBe('Zoom Phone · Users');
    expect(await page.getByTestId('detail-connection').textContent()).toBe('Sandbox · Zoom Phone');
    expect(await page.getByTestId('detail-base-url').textContent()).toMatch(
      /^http:\/\/127\.0\.0\.1:/,
    );
    expect(await runs.detailCount('created')).toBe(RESUME_USERS - refused);
    expect(await runs.detailCount('failed')).toBe(refused);
    await runs.detailRows();
    await shots.take(page, 'run-detail-all-rows');

    const failed = await runs.filterDetail('failed');
    expect(await failed.count()).toBe(refused);
    expect(await failed.evaluateAll((rows) => rows.map((row) => Number(row.dataset.row)))).toEqual(
      REFUSED_ROWS,
    );
    expect(await failed.first().textContent()).toContain('Atlantis Office');
    await shots.take(page, 'run-detail-failed-rows');

    await page.getByTestId('run-detail-back').click();
    await page.getByTestId('runs-list').waitFor();
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
    ).toBe('run-open');
  });
});
