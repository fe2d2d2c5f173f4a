import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_MAIN = path.join(ROOT, 'dist/web/web-main.mjs');
const READY_LINE = /^batchline \(browser mode\) at (\S+)$/m;
/** How long a fresh process may take to print its address. */
const START_TIMEOUT_MS = 30_000;

/** Browser mode running as its own Node process, as `npm run web` starts it. */
export interface AppProcess {
  /** The address it printed: origin plus the per-launch secret in the fragment. */
  url: string;
  pid: number;
  /** stdout and stderr so far (logs go to stderr), for a failing test to print. */
  output: () => string;
  /** Kills it with SIGKILL, as a crash or power loss would, and waits until it has gone. */
  kill: () => Promise<void>;
  /** Asks it to stop (SIGTERM) and waits until it has gone; SIGKILL after a few seconds. */
  stop: () => Promise<void>;
}

/**
 * Builds dist/ (renderer, browser mode and the rest) with `node scripts/build.mjs`, so a
 * process test runs what the sources say today. The build exits non-zero when any target
 * fails; only the two this needs (browser mode and the renderer) count here, each of which
 * prints `build: <name> <ms> ms` on stdout once written.
 */
export function buildApp(): void {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  const built = (name: string) => build.stdout.includes(`build: ${name} `);
  if (!built('dist/web/web-main.mjs') || !built('dist/renderer/')) {
    throw new Error(
      `"node scripts/build.mjs" did not build browser mode:\n${build.stdout}${build.stderr}`,
    );
  }
}

/** A fresh temp data folder for process tests; remove it with {@link removeDataDir}. */
export function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'batchline-e2e-proc-'));
}

/** Deletes a data folder made by {@link makeDataDir}. */
export function removeDataDir(dataDir: string): Promise<void> {
  return rm(dataDir, { recursive: true, force: true });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `node dist/web/web-main.mjs` on `dataDir` (BATCHLINE_PORT=0, BATCHLINE_NO_OPEN=1)
 * and resolves once it prints `batchline (browser mode) at <url>`; rejects with its output
 * if it exits or stays silent first. The environment is explicit, so no developer setting
 * leaks in. Build first with {@link buildApp}.
 */
export function launchAppProcess(dataDir: string): Promise<AppProcess> {
  const child = spawn(process.execPath, [WEB_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BATCHLINE_DATA_DIR: dataDir,
      BATCHLINE_PORT: '0',
      BATCHLINE_NO_OPEN: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout.on('data', append);
  child.stderr.on('data', append);

  const kill = async () => {
    child.kill('SIGKILL');
    await exited(child);
  };
  const stop = async () => {
    const gone = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      void kill().then(() => reject(new Error(`${reason}\n${output}`)));
    };
    const timer = setTimeout(
      () => fail('browser mode printed no address in time'),
      START_TIMEOUT_MS,
    );
    const onData = () => {
      const url = READY_LINE.exec(output)?.[1];
      if (url === undefined) {
        return;
      }
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      resolve({ url, pid: child.pid ?? -1, output: () => output, kill, stop });
    };
    const onExit = (code: number | null) =>
      fail(`browser mode exited (code ${code}) before printing its address`);
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}
