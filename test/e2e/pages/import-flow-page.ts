import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** A file handed to the file input without touching disk. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The wizard's screens, as `data-step` on the wizard names them. */
export type FlowStep = 'start' | 'mapping' | 'review' | 'plan' | 'run' | 'results';

/** A downloaded file: the name the app suggested and its text. */
export interface Downloaded {
  fileName: string;
  text: string;
}

/**
 * The import flow as a test drives it: by data-testid, roles and visible text, waiting on
 * state the app exposes (data-app-ready, data-step), never on time.
 */
export class ImportFlowPage {
  constructor(readonly page: Page) {}

  /** Opens the app and waits until app:info has answered. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('[data-testid="app-root"][data-app-ready="true"]').waitFor();
  }

  /** The wizard, once it shows `step`. */
  async waitForStep(step: FlowStep): Promise<void> {
    await this.page.locator(`[data-testid="import-wizard"][data-step="${step}"]`).waitFor();
  }

  connectionBadge(): Locator {
    return this.page.getByTestId('connection-badge');
  }

  errorBanner(): Locator {
    return this.page.getByRole('alert');
  }

  /** Chooses a file through the drop zone's file input. */
  async chooseFile(file: string | FilePayload): Promise<void> {
    await this.page.getByTestId('file-input').setInputFiles(file);
  }

  /** The source column currently mapped to a dataset field ('' when none). */
  async mappedHeader(field: string): Promise<string> {
    return this.page.getByTestId(`map-field-${field}`).inputValue();
  }

  continueButton(): Locator {
    return this.page.getByTestId('mapping-continue');
  }

  mappingIssues(): Locator {
    return this.page.getByTestId('mapping-issues');
  }

  async continueToReview(): Promise<void> {
    await this.continueButton().click();
    await this.waitForStep('review');
  }

  /** Opens the app, chooses `file`, keeps the suggested mapping and waits for its rows. */
  async openToReview(url: string, file: string | FilePayload): Promise<void> {
    await this.open(url);
    await this.chooseFile(file);
    await this.waitForStep('mapping');
    await this.continueToReview();
    await this.reviewRowsLoaded();
  }

  /** A number from the review counts: rows, valid, invalid or warnings. */
  async count(name: 'rows' | 'valid' | 'invalid' | 'warnings'): Promise<number> {
    return readNumber(this.page.getByTestId(`count-${name}`));
  }

  /** One cell of the review table, by source row number and source header. */
  async sourceCell(row: number, header: string): Promise<Locator> {
    const grid = this.page.getByTestId('source-grid');
    const headers = await grid.getByRole('columnheader').allTextContents();
    const index = headers.indexOf(header);
    if (index < 0) {
      throw new Error(`No column "${header}" in the review table (${headers.join(', ')})`);
    }
    return grid.locator(`[role="row"][data-row="${row}"] [role="cell"]`).nth(index);
  }

  /**
   * Waits until the rows in view of the review table have come from main: the table fetches
   * them a page at a time and shows a placeholder (aria-busy) row meanwhile.
   */
  async reviewRowsLoaded(): Promise<void> {
    await this.page.waitForFunction(
      () => !document.querySelector('[data-testid="source-grid"] [role="row"][aria-busy="true"]'),
    );
  }

  /** The problem-list entry for a row (and column, when given). */
  problem(row: number, column?: string): Locator {
    const entries = this.page.locator(`[data-testid="problem-item"][data-row="${row}"]`);
    return column ? entries.filter({ hasText: column }) : entries;
  }

  /** Review's button that plans the push against the target ("Plan push to Sandbox"). */
  planButton(): Locator {
    return this.page.getByTestId('plan-button');
  }

  /** Plans the push from Review and waits for the Plan step. */
  async plan(): Promise<void> {
    await this.planButton().click();
    await this.waitForStep('plan');
  }

  /** The Plan step's Push button ("Push 3 changes to Sandbox"). */
  pushButton(): Locator {
    return this.page.getByTestId('push-button');
  }

  /** From Review: plans the push, then starts it (what "Push" did before the Plan step). */
  async planAndPush(): Promise<void> {
    await this.plan();
    await this.pushButton().click();
  }

  /** A number from the Plan step's tiles. */
  async planCount(
    action: 'create' | 'update' | 'unchanged' | 'conflict' | 'invalid',
  ): Promise<number> {
    return readNumber(this.page.getByTestId(`plan-${action}`));
  }

  /** One row of the Plan step's table, by source row number, once its page has loaded. */
  plannedRow(row: number): Locator {
    return this.page.locator(`[data-testid="plan-grid"] [role="row"][data-row="${row}"]`);
  }

  /** A number from the results tiles: created, skipped, failed, invalid. */
  async tile(name: 'created' | 'updated' | 'skipped' | 'failed' | 'invalid'): Promise<number> {
    return readNumber(this.page.getByTestId(`tile-${name}`));
  }

  /** Clicks a button that saves a file and returns what was saved. */
  async download(button: Locator): Promise<Downloaded> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const saved = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(saved, 'utf8') };
  }
}

async function readNumber(tile: Locator): Promise<number> {
  const text = (await tile.locator('.stat-value').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}
