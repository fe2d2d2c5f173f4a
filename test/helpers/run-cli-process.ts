import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../main/cli/cli-main.ts', import.meta.url));
// By URL, not by name: the CLI runs in temp folders where `tsx` would not resolve.
const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** What one CLI process did. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running CLI process, and its outcome once it ends (however it ends). */
export interface CliProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  done: Promise<CliRun>;
}

/**
 * Starts the real `batchline` CLI in its own Node process (from source, through tsx), the
 * way a script would. The environment is explicit so no developer's BATCHLINE_TOKEN leaks
 * into a test. Tests that kill it (SIGINT, SIGKILL) hold on to `child`.
 */
export function startCliProcess(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): CliProcess {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, ENTRY, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the CLI to its end: argv in, exit code and streams out. */
export function runCliProcess(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return startCliProcess(args, options).done;
}

/** Resolves once `condition` holds, checking every few milliseconds. */
export function whenTrue(condition: () => boolean, everyMs = 5): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (condition()) {
        clearInterval(timer);
        resolve();
      }
    }, everyMs);
  });
}
