import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApp,
  launchAppProcess,
  makeDataDir,
  removeDataDir,
  type AppProcess,
} from '../helpers/launch-app-process';
import { launchChromium } from '../helpers/launch-app';
import { ImportFlowPage } from './pages/import-flow-page';
import {
  pushUntilSomeRowsDone,
  readResultsCsv,
  RESUME_USERS,
  RunsPage,
  writeResumeUsersCsv,
} from './pages/runs-page';
import { Screenshots } from './pages/screenshots';

// Browser mode as its own process, killed with SIGKILL mid-push: what a crash, a forced quit
// or a power cut leaves behind. A second process on the same data folder must resume it.
describe('the Runs page resumes a push whose app was killed', () => {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let dataDir: string | undefined;
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    // Always build: the processes run dist/, which must match the sources under test.
    buildApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async (test) => {
    if (test.task.result?.state === 'fail') {
      for (const app of processes) {
        console.error(app.output().split('\n').slice(-30).join('\n'));
      }
    }
    await context?.close();
    for (const app of processes.splice(0)) {
      await app.stop();
    }
    if (dataDir) {
      await removeDataDir(dataDir);
    }
  });

  it('shows the run as interrupted after a restart, resumes it and creates every row once', async () => {
    if (!browser) {
      throw new Error('Chromium did not start');
    }
    dataDir = await makeDataDir();
    const file = await writeResumeUsersCsv(dataDir);
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const flow = new ImportFlowPage(page);
    const runs = new RunsPage(page);
    const shots = new Screenshots('runs');

    const first = await launchAppProcess(dataDir);
    processes.push(first);
    await flow.open(first.url);
    await pushUntilSomeRowsDone(flow, file);
    await first.kill();
    await shots.take(page, 'crash-killed-mid-push');

    const second = await launchAppProcess(dataDir);
    processes.push(second);
    expect(second.url).not.toBe(first.url);
    await flow.open(second.url);
    await runs.open();
    const run = await runs.waitForState(runs.newest(), 'interrupted');
    expect(await runs.stateBadge(run).textContent()).toBe('Interrupted');
    expect(await run.getByTestId('run-explanation').textContent()).toContain(
      'The app or the command line stopped mid-run',
    );
    expect(await runs.exportAllButton(run).count()).toBe(0);
    await shots.take(page, 'crash-interrupted');

    await runs.resumeButton(run).click();
    await runs.live(runs.newest()).waitFor();
    expect(await runs.liveRowsDone()).toBeGreaterThan(0);
    await shots.take(page, 'crash-resumed-progress');
    // After its first second the push knows its pace: time left and requests per second.
    await runs.live(runs.newest()).getByTestId('run-live-eta').waitFor();
    await shots.take(page, 'crash-resumed-eta');

    const done = await runs.waitForState(runs.newest(), 'completed');
    // The new Sandbox holds none of the first process's users: rows that were in flight are
    // looked up, not found and sent again; rows journaled as created are never sent again.
    expect(await runs.count(done, 'created')).toBe(RESUME_USERS);
    expect(await runs.count(done, 'skipped')).toBe(0);
    expect(await runs.count(done, 'failed')).toBe(0);
    expect(await runs.count(done, 'total')).toBe(RESUME_USERS);
    await shots.take(page, 'crash-completed');

    const exported = await flow.download(runs.exportAllButton(done));
    const { header, rows } = readResultsCsv(exported.text);
    const status = header.indexOf('result_status');
    expect(rows).toHaveLength(RESUME_USERS);
    expect(new Set(rows.map((row) => row[status]))).toEqual(new Set(['created']));
  });
});
