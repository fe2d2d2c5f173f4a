import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import {
  pushUntilSomeRowsDone,
  readResultsCsv,
  RESUME_USERS,
  RunsPage,
  writeResumeUsersCsv,
} from './pages/runs-page';
import { Screenshots } from './pages/screenshots';

const FIXTURE_WITH_ERRORS = path.resolve(
  import.meta.dirname,
  '../fixtures/e2e/users-with-errors.csv',
);

describe('the Runs page resumes a cancelled push', () => {
  const session = useE2eSession();
  let dir = '';

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'batchline-runs-csv-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the cancelled run, resumes it to the end and exports every row', async () => {
    const { app, page, flow } = session();
    const runs = new RunsPage(page);
    const shots = new Screenshots('runs');
    const file = await writeResumeUsersCsv(dir);

    await flow.open(app.url);
    await runs.open();
    expect(await page.getByTestId('runs-empty').textContent()).toContain('No pushes yet.');
    await shots.take(page, 'cancel-empty');
    await runs.openImport();

    await pushUntilSomeRowsDone(flow, file);
    await page.getByTestId('cancel-run').click();
    await flow.waitForStep('results');
    expect(await page.getByTestId('results-title').getAttribute('data-state')).toBe('cancelled');
    const createdBefore = await flow.tile('created');
    expect(createdBefore).toBeGreaterThan(0);
    expect(createdBefore).toBeLessThan(RESUME_USERS);

    await runs.open();
    const run = await runs.waitForState(runs.newest(), 'cancelled');
    expect(await runs.items().count()).toBe(1);
    expect(await runs.stateBadge(run).textContent()).toBe('Cancelled');
    expect(await run.getByRole('heading').textContent()).toBe('cohort.csv');
    expect(await run.textContent()).toContain('Zoom Phone · Users');
    expect(await runs.count(run, 'created')).toBe(createdBefore);
    expect(await runs.count(run, 'total')).toBe(RESUME_USERS);
    expect(await runs.exportFailedButton(run).isVisible()).toBe(true);
    await shots.take(page, 'cancel-listed');

    // Going back to the import keeps its results screen: the wizard was hidden, not reset.
    await runs.openImport();
    await flow.waitForStep('results');
    await runs.open();

    await runs.resumeButton(run).click();
    const live = runs.live(runs.newest());
    await live.waitFor();
    expect(await runs.stateBadge(runs.newest()).textContent()).toBe('Running');
    // The first report counts the rows done before the cancel: it never starts over at 0.
    expect(await runs.liveRowsDone()).toBeGreaterThanOrEqual(createdBefore);
    await shots.take(page, 'cancel-resumed-progress');

    // Pause stops after the request in flight; the run is resumable again, nothing lost.
    await live.getByTestId('run-pause').click();
    const paused = await runs.waitForState(runs.newest(), 'cancelled');
    const createdPaused = await runs.count(paused, 'created');
    expect(createdPaused).toBeGreaterThanOrEqual(createdBefore);
    expect(createdPaused).toBeLessThan(RESUME_USERS);
    await shots.take(page, 'cancel-paused');
    await runs.resumeButton(paused).click();

    const done = await runs.waitForState(runs.newest(), 'completed');
    expect(await runs.stateBadge(done).textContent()).toBe('Completed');
    expect(await runs.count(done, 'created')).toBe(RESUME_USERS);
    expect(await runs.count(done, 'failed')).toBe(0);
    expect(await runs.count(done, 'total')).toBe(RESUME_USERS);
    expect(await runs.resumeButton(done).count()).toBe(0);
    expect(await runs.exportFailedButton(done).count()).toBe(0);
    await shots.take(page, 'cancel-completed');

    const exported = await flow.download(runs.exportAllButton(done));
    expect(exported.fileName).toMatch(/-results\.csv$/);
    const { header, rows } = readResultsCsv(exported.text);
    const status = header.indexOf('result_status');
    expect(status).toBeGreaterThanOrEqual(0);
    expect(rows).toHaveLength(RESUME_USERS);
    expect(new Set(rows.map((row) => row[status]))).toEqual(new Set(['created']));
  });

  it('shows a failed export beside its run, in dark mode too, and keeps the page usable', async () => {
    const { app, page, flow } = session();
    const runs = new RunsPage(page);
    const shots = new Screenshots('runs');
    await page.emulateMedia({ colorScheme: 'dark' });
    await flow.openToReview(app.url, FIXTURE_WITH_ERRORS);
    await flow.planAndPush();
    await flow.waitForStep('results');

    await runs.open();
    const run = await runs.waitForState(runs.newest(), 'completed');
    expect(await runs.count(run, 'created')).toBe(8);
    expect(await runs.count(run, 'invalid')).toBe(4);
    expect(await runs.resumeButton(run).count()).toBe(0);
    const failed = await flow.download(runs.exportFailedButton(run));
    expect(readResultsCsv(failed.text).rows).toHaveLength(4);
    await shots.take(page, 'error-dark-completed');

    // The run's failed-rows file has gone (deleted by hand, a sync tool…): main says so.
    const runId = await run.getAttribute('data-run-id');
    await rm(path.join(app.dataDir, 'runs', runId ?? '', 'failed-rows.csv'));
    await runs.exportFailedButton(run).click();
    const banner = run.getByRole('alert');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`Run ${runId} has no failed rows.`);
    await shots.take(page, 'error-dark-export-failed');
    await page.setViewportSize({ width: 760, height: 700 });
    await shots.take(page, 'error-dark-narrow');

    await banner.getByRole('button', { name: 'Dismiss this message' }).click();
    await banner.waitFor({ state: 'detached' });
    const results = await flow.download(runs.exportAllButton(run));
    expect(readResultsCsv(results.text).rows).toHaveLength(12);
  });
});
