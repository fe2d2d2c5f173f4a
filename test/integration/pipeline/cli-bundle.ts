import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBundleOptions } from '../../../scripts/cli-bundle-options.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const RSS_REPORTER = fileURLToPath(new URL('./report-max-rss.mjs', import.meta.url));

/**
 * Bundles the CLI and its validate worker the way scripts/build.mjs does, into a folder of
 * test-output/ (inside the repo, so the bundle finds node_modules): tests then measure the
 * code that ships, not tsx compiling it, and exercise the worker found next to the bundle.
 */
export async function buildCliBundle(dir: string): Promise<string> {
  const out = join(ROOT, 'test-output', dir);
  await mkdir(out, { recursive: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { __BATCHLINE_VERSION__: '"test"' },
  } as const;
  await Promise.all([
    build({
      ...common,
      ...cliBundleOptions,
      packages: undefined,
      entryPoints: ['main/cli/cli-main.ts'],
      outfile: join(out, 'batchline.mjs'),
    }),
    build({
      ...common,
      // As scripts/build.mjs builds it: dependencies bundled in, so it starts faster.
      packages: undefined,
      entryPoints: ['main/services/pipeline/validate.worker.ts'],
      outfile: join(out, 'validate-worker.mjs'),
    }),
  ]);
  return join(out, 'batchline.mjs');
}

/** What one run of the bundled CLI did, with its peak RSS in bytes. */
export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  maxRss: number;
  ms: number;
}

/**
 * Runs the bundled CLI in its own process with the peak-RSS reporter preloaded. `onStderr`
 * sees stderr as it comes (to send a signal once progress shows).
 */
export function runMeasured(
  bundle: string,
  args: string[],
  opts: { cwd: string; onStderr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void },
): Promise<MeasuredRun> {
  const rssFile = join(opts.cwd, `max-rss-${process.pid}-${Date.now()}.txt`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', RSS_REPORTER, bundle, ...args], {
      cwd: opts.cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        BATCHLINE_MAX_RSS_FILE: rssFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      opts.onStderr?.(stderr, (signal) => child.kill(signal));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      readFile(rssFile, 'utf8').then(
        (rss) =>
          resolve({
            code,
            signal,
            stdout,
            stderr,
            maxRss: Number(rss),
            ms: performance.now() - started,
          }),
        reject,
      );
    });
  });
}
