import type { RunOutcome } from '../services/runs/push-and-finish';
import type { RunProgress } from '../../shared/jobs/run-types';
import { progressPrinter, type CliIo } from './cli-io';

/** Prints a finished run: the --json object, or a human summary with where the files are. */
export function printRunOutcome(outcome: RunOutcome, json: boolean, io: CliIo): void {
  const s = outcome.summary;
  if (json) {
    io.stdout(`${JSON.stringify(s)}\n`);
    return;
  }
  io.stdout(
    `run ${s.runId}: ${s.total} rows · ${s.created} created · ${s.updated} updated · ${s.skipped} skipped · ${s.failed} failed · ${s.invalid} invalid · ${s.requests} requests · ${s.retries} retries · ${(s.durationMs / 1000).toFixed(1)} s\n`,
  );
  if (outcome.stopped) {
    io.stdout(`stopped early: ${outcome.stopped.reason}\n`);
    io.stdout(`resume with: batchline resume ${s.runId}\n`);
  }
  io.stdout(`results: ${outcome.resultsPath}\n`);
  if (outcome.failedPath) {
    io.stdout(`failed rows (fix and push again): ${outcome.failedPath}\n`);
  }
}

/** The exit code of a run: 0 when every row went in, 1 when any failed, was invalid or the run stopped. */
export function runExitCode(outcome: RunOutcome): number {
  const s = outcome.summary;
  return s.failed + s.invalid > 0 || outcome.stopped ? 1 : 0;
}

/**
 * Runs a push with a progress line on stderr and Ctrl-C wired to a clean stop: the request
 * in flight finishes and is journaled, then the run ends as cancelled (resumable).
 */
export async function withProgressAndInterrupt<T>(
  io: CliIo,
  work: (signal: AbortSignal, onProgress: (progress: RunProgress) => void) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => {
    io.stderr('\nstopping after the request in flight…\n');
    controller.abort();
    process.off('SIGINT', onSignal);
  };
  process.on('SIGINT', onSignal);
  const progress = progressPrinter(io);
  try {
    return await work(controller.signal, (value) => progress.update(value));
  } finally {
    progress.finish();
    process.off('SIGINT', onSignal);
  }
}
