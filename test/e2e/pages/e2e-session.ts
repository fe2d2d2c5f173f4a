import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchApp, launchChromium, type LaunchedApp } from '../../helpers/launch-app';
import { ImportFlowPage } from './import-flow-page';

/** What each test of a spec gets: its own app (fresh data folder), page and page object. */
export interface E2eSession {
  app: LaunchedApp;
  page: Page;
  flow: ImportFlowPage;
}

/**
 * Registers the hooks every end-to-end spec needs: one Chromium per file, and per test a
 * fresh browser-mode app on a temp data folder plus a fresh browser context. On failure the
 * app's last log lines are printed. Call inside `describe`; read the session inside tests.
 */
export function useE2eSession(contextOptions: BrowserContextOptions = {}): () => E2eSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let session: E2eSession | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) {
      throw new Error('Chromium did not start');
    }
    const app = await launchApp();
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      ...contextOptions,
    });
    const page = await context.newPage();
    session = { app, page, flow: new ImportFlowPage(page) };
  });
  afterEach(async (test) => {
    if (test.task.result?.state === 'fail' && session) {
      console.error(session.app.logs.slice(-30).join('\n'));
    }
    await context?.close();
    await session?.app.close();
    session = undefined;
  });

  return () => {
    if (!session) {
      throw new Error('useE2eSession(): read the session inside a test');
    }
    return session;
  };
}
