import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/users-with-errors.csv');

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return;
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('keyboard use', () => {
  const session = useE2eSession();

  it('reaches every control of the flow without a mouse', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await tabTo(page, '[data-testid="download-template"]');
    await tabTo(page, '[data-testid="file-input"]');

    await flow.chooseFile(FIXTURE);
    await flow.waitForStep('mapping');
    // The new screen's heading takes focus, so reading starts at the top.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo(page, '[data-testid="map-field-email"]');
    await tabTo(page, '[data-testid="mapping-continue"]');
    await page.keyboard.press('Enter');
    await flow.waitForStep('review');

    await tabTo(page, '[data-testid="filter-problems"]');
    await tabTo(page, '[data-testid="source-grid"]');
    await tabTo(page, '[data-testid="problem-item"][data-row="11"]');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="source-grid"] .grid-row-highlight[data-row="11"]').waitFor();
    await tabTo(page, '[data-testid="plan-button"]');
    await page.keyboard.press('Enter');
    await flow.waitForStep('plan');
    await tabTo(page, '[data-testid="plan-filter"]');
    await tabTo(page, '[data-testid="push-button"]');
    await page.keyboard.press('Enter');
    await flow.waitForStep('results');

    await tabTo(page, '[data-testid="results-filter"]');
    await tabTo(page, '[data-testid="export-all"]');
    await tabTo(page, '[data-testid="new-import"]');
    await page.keyboard.press('Enter');
    await flow.waitForStep('start');
  });
});
