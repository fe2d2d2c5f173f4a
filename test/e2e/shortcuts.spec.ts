import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/app/create-app-services';
import { createLogger } from '../../main/lib/logger';
import { startWebServer } from '../../main/web/web-server';
import { ensureRendererBuilt, launchChromium } from '../helpers/launch-app';
import { useE2eSession } from './pages/e2e-session';
import { ImportFlowPage } from './pages/import-flow-page';
import { Screenshots } from './pages/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/users-with-errors.csv');
const shots = new Screenshots('desktop');

/** Waits until `page` shows the app page `view`, with its header item marked current. */
async function expectPage(page: Page, view: 'import' | 'runs' | 'connections' | 'export') {
  await page.locator(`[data-testid="view-${view}"]:not([hidden])`).waitFor();
  expect(await page.getByTestId(`nav-${view}`).getAttribute('aria-current')).toBe('page');
}

/**
 * The file choosers `page` opens, in order. Listen before the page loads: Playwright turns
 * on its interception asynchronously, so a listener added just before the key press can
 * miss the chooser that press opens.
 */
function fileChoosers(page: Page): () => Promise<FileChooser> {
  const opened: FileChooser[] = [];
  const waiting: ((chooser: FileChooser) => void)[] = [];
  page.on('filechooser', (chooser) => {
    const waiter = waiting.shift();
    if (waiter) {
      waiter(chooser);
    } else {
      opened.push(chooser);
    }
  });
  return () => {
    const ready = opened.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
  };
}

describe('keyboard shortcuts in browser mode', () => {
  const session = useE2eSession();

  it('switches pages with Ctrl+1..4, and leaves keys typed in a field to the field', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await page.keyboard.press('Control+2');
    await expectPage(page, 'runs');
    await page.getByTestId('runs-empty').waitFor();
    await shots.take(page, 'runs-empty');
    await page.keyboard.press('Control+1');
    await expectPage(page, 'import');
    await page.keyboard.press('Control+4');
    await expectPage(page, 'export');
    await shots.take(page, 'export');
    await page.keyboard.press('Control+3');
    await expectPage(page, 'connections');
    await page.getByTestId('connections-empty').waitFor();
    await shots.take(page, 'connections-empty');

    // In a text field the keys are the field's: Ctrl+2 does not leave the page.
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.focus();
    await page.keyboard.press('Control+2');
    await page.keyboard.type('Office');
    expect(await name.inputValue()).toBe('Office');
    await expectPage(page, 'connections');
    expect(await page.getByTestId('nav-runs').getAttribute('title')).toBe('Ctrl+2');
  });

  it('opens the file chooser with Ctrl+O from any page and step, and Ctrl+N starts over', async () => {
    const { app, page, flow } = session();
    const nextChooser = fileChoosers(page);
    await flow.open(app.url);
    await page.keyboard.press('Control+2');
    await expectPage(page, 'runs');

    await page.keyboard.press('Control+O');
    await (await nextChooser()).setFiles(FIXTURE);
    await expectPage(page, 'import');
    await flow.waitForStep('mapping');
    await page.getByText('users-with-errors.csv').first().waitFor();

    // Again from the mapping step: the new file replaces the open one.
    await page.keyboard.press('Control+O');
    await (
      await nextChooser()
    ).setFiles({
      name: 'second-cohort.csv',
      mimeType: 'text/csv',
      buffer: await readFile(FIXTURE),
    });
    await page.getByText('second-cohort.csv').first().waitFor();
    await flow.waitForStep('mapping');
    await shots.take(page, 'opened-with-ctrl-o');

    await page.keyboard.press('Control+N');
    await flow.waitForStep('start');
  });
});

describe('a desktop-like app with a system file dialog (injected)', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens through main, lists the file in Recent and opens it again from there', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'batchline-e2e-desktop-'));
    const sheets = await mkdtemp(path.join(tmpdir(), 'batchline-e2e-sheets-'));
    const sheet = path.join(sheets, 'hr-export.csv');
    await writeFile(sheet, await readFile(FIXTURE));
    const logs: string[] = [];
    const log = createLogger((line) => logs.push(line));
    const services = await createAppServices({
      dataDir,
      mode: 'browser',
      version: 'test',
      log,
      chooseFile: () => Promise.resolve(sheet),
    });
    const server = await startWebServer({ services, staticDir: ensureRendererBuilt(), log });
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const flow = new ImportFlowPage(page);
      let browserChooser = false;
      page.on('filechooser', () => {
        browserChooser = true;
      });
      await flow.open(server.url);
      // Open… asks main's dialog (injected here): no browser file chooser opens.
      await page.keyboard.press('Control+O');
      await flow.waitForStep('mapping');
      await page.getByText('hr-export.csv').first().waitFor();
      expect(browserChooser).toBe(false);

      await page.keyboard.press('Control+N');
      await flow.waitForStep('start');
      const recent = page.getByTestId('recent-file');
      await recent.first().waitFor();
      expect(await recent.allTextContents()).toEqual([`hr-export.csv${path.basename(sheets)}`]);
      await shots.take(page, 'start-with-recent');

      await recent.first().click();
      await flow.waitForStep('mapping');
      await page.getByText('hr-export.csv').first().waitFor();
      // Read again with another delimiter: main reads it from disk again, by its Recent id.
      await page.getByTestId('delimiter-select').selectOption(';');
      await page.locator('[data-testid="delimiter-select"]:not([disabled])').waitFor();
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLSelectElement>('[data-testid="delimiter-select"]')?.value ===
          ';',
      );
      expect(await flow.errorBanner().count()).toBe(0);

      // Gone from disk: said plainly, and gone from the list.
      await page.keyboard.press('Control+N');
      await flow.waitForStep('start');
      await rm(sheet);
      await recent.first().click();
      await flow
        .errorBanner()
        .getByText('hr-export.csv is no longer at its place; it was removed from Recent')
        .waitFor();
      await page.getByTestId('recent-files').waitFor({ state: 'detached' });
      await shots.take(page, 'recent-file-gone');
    } catch (caught) {
      console.error(logs.slice(-30).join('\n'));
      throw caught;
    } finally {
      await context.close();
      await server.close();
      await services.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(sheets, { recursive: true, force: true });
    }
  });
});
