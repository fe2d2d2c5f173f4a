import { fileURLToPath } from 'node:url';
import { createAppServices } from '../app/create-app-services';
import { createLogger } from '../lib/logger';
import { defaultDataDir } from '../lib/paths';
import { SESSION_ONLY_REASONS } from '../services/settings/encryptor';
import { SecretStore } from '../services/settings/secret-store';
import { openBrowser } from './open-browser';
import { startWebServer } from './web-server';

// Browser mode's process entry (bundled to dist/web/web-main.mjs): the same services as the
// desktop app, served to a browser on 127.0.0.1. Environment:
//   BATCHLINE_DATA_DIR  data folder (default: the desktop app's userData folder)
//   BATCHLINE_PORT      port to listen on (default: any free port)
//   BATCHLINE_NO_OPEN=1 print the address but do not open a browser (tests, CI)
// stdout carries exactly one line, `batchline (browser mode) at <url>`, which tests parse;
// logs go to stderr.

declare const __BATCHLINE_VERSION__: string | undefined;

const log = createLogger();

function portFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') {
    return 0;
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`BATCHLINE_PORT must be a port number (0-65535), got "${raw}".\n`);
    process.exit(2);
  }
  return port;
}

/** Starts services and server, or explains in one line why not (busy port, unreadable data folder). */
async function start(port: number) {
  const services = await createAppServices({
    dataDir: defaultDataDir(),
    mode: 'browser',
    version: typeof __BATCHLINE_VERSION__ === 'string' ? __BATCHLINE_VERSION__ : '0.0.0-dev',
    log,
    // No OS keychain here: credentials entered in browser mode are never written.
    secrets: SecretStore.sessionOnly(SESSION_ONLY_REASONS.browserMode, log),
  });
  try {
    // The bundle sits in dist/web/, the built renderer in dist/renderer/.
    const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
    return { services, server: await startWebServer({ services, staticDir, port, log }) };
  } catch (caught) {
    await services.close();
    throw caught;
  }
}

const port = portFromEnv(process.env.BATCHLINE_PORT);
const { services, server } = await start(port).catch((caught: unknown) => {
  const code = (caught as { code?: unknown } | null)?.code;
  const reason =
    code === 'EADDRINUSE'
      ? `port ${port} is already in use (set BATCHLINE_PORT to another one, or 0 for any free port)`
      : caught instanceof Error
        ? caught.message
        : String(caught);
  process.stderr.write(`batchline (browser mode) could not start: ${reason}\n`);
  process.exit(1);
});

process.stdout.write(`batchline (browser mode) at ${server.url}\n`);
if (process.env.BATCHLINE_NO_OPEN !== '1') {
  openBrowser(server.url);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) {
    return;
  }
  stopping = true;
  await server.close();
  await services.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void stop());
}
