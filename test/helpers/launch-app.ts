import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createAppServices } from '../../main/app/create-app-services';
import { createLogger } from '../../main/lib/logger';
import { startWebServer } from '../../main/web/web-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RENDERER_DIR = path.join(ROOT, 'dist/renderer');

/** Debian's Chromium; end-to-end tests never download a browser. */
export const CHROMIUM_PATH = process.env.BATCHLINE_CHROMIUM ?? '/usr/bin/chromium';

/** Browser mode running for one test, on its own temp data folder. */
export interface LaunchedApp {
  /** The address to open: origin plus the per-launch secret in the fragment. */
  url: string;
  origin: string;
  dataDir: string;
  /** Every log line main wrote, for a failing test to print. */
  logs: string[];
  /** Stops the server and the sandbox, then deletes the data folder. */
  close: () => Promise<void>;
}

/**
 * Makes sure dist/renderer exists. CI builds it in `npm ci` (prepare); a fresh checkout that
 * skipped that gets one build here. The build script exits non-zero when another target
 * fails, so only a missing renderer counts as failure.
 */
export function ensureRendererBuilt(): string {
  const index = path.join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) {
    try {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
    } catch (caught) {
      if (!existsSync(index)) {
        throw new Error(
          `dist/renderer was missing and "node scripts/build.mjs" failed: ${String(caught)}`,
        );
      }
    }
  }
  return RENDERER_DIR;
}

/**
 * Starts the app in browser mode the way `npm run web` does, in-process: the real services
 * (with the built-in Sandbox simulators), the real HTTP server, a fresh temp data folder.
 */
export async function launchApp(): Promise<LaunchedApp> {
  const staticDir = ensureRendererBuilt();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'batchline-e2e-'));
  const logs: string[] = [];
  const log = createLogger((line) => logs.push(line));
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const services = await createAppServices({ dataDir, mode: 'browser', version, log });
  const server = await startWebServer({ services, staticDir, log });
  return {
    url: server.url,
    origin: server.origin,
    dataDir,
    logs,
    async close() {
      await server.close();
      await services.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's headless Chromium with the flags that keep it quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
