import type { RunProgress } from '../../shared/jobs/run-types';

/** The process edges the CLI touches, injectable so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** True when stderr is a terminal: progress redraws one line instead of printing many. */
  interactive: boolean;
  now: () => number;
}

/** The real process's IO. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
    now: () => Date.now(),
  };
}

/** "1m 20s", "45s": how a person reads a duration. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m ${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}

function formatEta(progress: RunProgress, now: number): string {
  if (progress.waitingUntil && progress.waitingUntil > now) {
    return ` · waiting ${formatDuration((progress.waitingUntil - now) / 1000)} as the target asked`;
  }
  return progress.etaSeconds === undefined
    ? ''
    : ` · about ${formatDuration(progress.etaSeconds)} left`;
}

/**
 * A progress reporter for stderr: a redrawn line on a terminal, otherwise at most one line
 * every few seconds so logs of scripted runs stay short.
 */
export function progressPrinter(io: CliIo): {
  update(progress: RunProgress): void;
  finish(): void;
} {
  let lastPrinted = 0;
  let lastKey = '';
  let drawn = false;
  return {
    update(progress) {
      const now = io.now();
      const interval = io.interactive ? 100 : 2000;
      if (now - lastPrinted < interval && progress.done < progress.total) {
        return;
      }
      const percent =
        progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100);
      const line = `pushing: ${progress.done}/${progress.total} rows (${percent}%) · ${progress.requests} requests · ${progress.requestsPerSecond} req/s${progress.limit === undefined ? '' : ` (limit ${progress.limit}/s)`} · ${progress.retries} retries${formatEta(progress, now)}`;
      // The rate changes on every call; only a change in counts is worth a new line.
      const key = `${progress.done}/${progress.total}/${progress.requests}/${progress.retries}`;
      if (key === lastKey) {
        return;
      }
      lastPrinted = now;
      lastKey = key;
      if (io.interactive) {
        io.stderr(`\r\u001b[2K${line}`);
        drawn = true;
      } else {
        io.stderr(`${line}\n`);
      }
    },
    finish() {
      if (drawn) {
        io.stderr('\n');
      }
    },
  };
}
