import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import type { RunView } from '../../../shared/ipc/contract';
import { validUsersCsv } from '../../helpers/users-csv';
import type { ImportFlowPage } from './import-flow-page';

/** A run's state as the page shows it (`data-state` on its row). */
export type RunItemState = RunView['state'];

/** The counts a run row shows once it has a summary. */
export type RunCountName = 'created' | 'updated' | 'skipped' | 'failed' | 'invalid' | 'total';

/**
 * The Runs page as a test drives it: through the header's "Runs" switch, by data-testid and
 * visible text, waiting on the `data-state` each run row exposes, never on time.
 */
export class RunsPage {
  constructor(readonly page: Page) {}

  /** Switches the header to Runs and waits for the list (or its empty state). */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-runs').click();
    await this.page
      .locator('[data-testid="runs-list"], [data-testid="runs-empty"]')
      .first()
      .waitFor();
  }

  /** Switches the header back to the import wizard. */
  async openImport(): Promise<void> {
    await this.page.getByTestId('nav-import').click();
    await this.page.getByTestId('import-wizard').waitFor();
  }

  items(): Locator {
    return this.page.getByTestId('run-item');
  }

  /** The newest run (the list is newest first). */
  newest(): Locator {
    return this.items().first();
  }

  /** Waits until `item` shows `state` and returns it. */
  async waitForState(item: Locator, state: RunItemState): Promise<Locator> {
    const settled = item.and(this.page.locator(`[data-state="${state}"]`));
    await settled.waitFor();
    return settled;
  }

  /** One of a run's counts, as a number; the row must have a summary. */
  async count(item: Locator, name: RunCountName): Promise<number> {
    const text =
      (await item.getByTestId(`run-count-${name}`).locator('strong').textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  stateBadge(item: Locator): Locator {
    return item.getByTestId('run-state');
  }

  resumeButton(item: Locator): Locator {
    return item.getByTestId('run-resume');
  }

  /** The live progress panel under a run this page follows. */
  live(item: Locator): Locator {
    return item.getByTestId('run-live');
  }

  /**
   * Waits for a live panel's first report of rows done (more than 0) and returns it. One
   * check in the page, so a run that ends right after cannot make it fail half-way.
   */
  async liveRowsDone(): Promise<number> {
    const handle = await this.page.waitForFunction(() => {
      const bar = document.querySelector('[data-testid="run-live"] [role="progressbar"]');
      const value = Number(bar?.getAttribute('aria-valuenow') ?? 0);
      return value > 0 ? value : null;
    });
    return Number(await handle.jsonValue());
  }

  exportAllButton(item: Locator): Locator {
    return item.getByTestId('run-export-all');
  }

  exportFailedButton(item: Locator): Locator {
    return item.getByTestId('run-export-failed');
  }

  /** Opens a run's detail with its Open button and waits for the run to load. */
  async openRun(item: Locator): Promise<Locator> {
    await item.getByTestId('run-open').click();
    return this.waitForDetail();
  }

  /** The run detail, once it has loaded (its state is known). */
  async waitForDetail(): Promise<Locator> {
    const detail = this.page.locator('[data-testid="run-detail"][data-state]');
    await detail.waitFor();
    return detail;
  }

  /** One of the detail chart's legend counts. */
  async detailCount(name: string): Promise<number> {
    const value = await this.page
      .getByTestId(`run-detail-chart-${name}`)
      .getAttribute('data-value');
    return Number(value ?? Number.NaN);
  }

  /**
   * Shows only the rows of one outcome in the detail table and waits until the rows in view
   * have come from main (the table shows busy placeholder rows meanwhile).
   */
  async filterDetail(status: string): Promise<Locator> {
    await this.page.getByTestId('run-detail-filter').selectOption(status);
    return this.detailRows();
  }

  /** The detail table's loaded rows, once none in view is still loading. */
  async detailRows(): Promise<Locator> {
    await this.page.waitForFunction(() => {
      const grid = document.querySelector('[data-testid="run-rows-grid"]');
      return grid !== null && !grid.querySelector('[role="row"][aria-busy="true"]');
    });
    return this.page.locator('[data-testid="run-rows-grid"] [role="row"][data-row]');
  }
}

/** What the tests push: valid Sandbox users, extensions from 7000 (the demo users hold 1001-1040). */
export const RESUME_USERS = 300;

/** Writes {@link RESUME_USERS} valid users as an HR-style CSV into `dir` and returns its path. */
export async function writeResumeUsersCsv(dir: string): Promise<string> {
  const file = path.join(dir, 'cohort.csv');
  await writeFile(file, validUsersCsv(RESUME_USERS, { extensionStart: 7000 }), 'utf8');
  return file;
}

/** Rows of {@link writeCohortWithRefusals} at a site the Sandbox lacks (refused remotely). */
export const REFUSED_ROWS = [51, 101, 151, 201, 251, 301];

/**
 * Writes {@link RESUME_USERS} users into `dir` as in {@link writeResumeUsersCsv}, except that
 * the users on sheet rows {@link REFUSED_ROWS} are at "Atlantis Office", a site the Sandbox
 * does not have, so the phone system refuses them and they end as failed.
 */
export async function writeCohortWithRefusals(dir: string): Promise<string> {
  const lines = validUsersCsv(RESUME_USERS, { extensionStart: 7000 }).trimEnd().split('\r\n');
  for (const row of REFUSED_ROWS) {
    lines[row - 1] = (lines[row - 1] ?? '').replace(/Main Office$/, 'Atlantis Office');
  }
  const file = path.join(dir, 'cohort.csv');
  await writeFile(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

/**
 * Imports `file` and starts the push, returning once the progress bar shows some rows done:
 * the moment a test cancels or kills the run, so it stops in the middle.
 */
export async function pushUntilSomeRowsDone(flow: ImportFlowPage, file: string): Promise<void> {
  await flow.chooseFile(file);
  await flow.waitForStep('mapping');
  await flow.continueToReview();
  await flow.planAndPush();
  await flow.waitForStep('run');
  await flow.page.waitForFunction(
    () =>
      Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) >
      0,
  );
}

/** A results CSV (as runs:export gives it) read into its header and rows. */
export function readResultsCsv(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
