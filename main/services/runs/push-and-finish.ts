import type { DatasetDef } from '../../../shared/datasets/dataset';
import { secretColumns } from '../../../shared/datasets/secret-columns';
import type { RowResult, RunProgress, RunSummary } from '../../../shared/jobs/run-types';
import { planBatches } from '../../../shared/plan/plan-batches';
import type { SourceTable } from '../../../shared/table/source-table';
import type { ValidatedRow } from '../../../shared/validation/validate-table';
import { runBatches, type BatchRunOutcome } from '../push/batch-runner';
import type { PushAdapter, PushItem } from '../push/push-adapter';
import { RateLimiter, type Clock } from '../push/rate-limiter';
import type { Journal } from './journal';
import { writeManifest, type RunManifest } from './run-files';
import { writeRunResults } from './run-results';
import { countByStatus } from '../../../shared/jobs/count-results';

/** A run ready to push: its folder, manifest, sheet, journal and what is already settled. */
export interface RunContext<P> {
  runDir: string;
  manifest: RunManifest;
  table: SourceTable;
  dataset: DatasetDef<P>;
  rows: readonly ValidatedRow<P>[];
  journal: Journal;
  /** Rows with a final outcome from earlier (invalid rows, or a previous attempt). */
  settled: ReadonlyMap<number, RowResult>;
  /** Rows sent earlier without a final outcome: looked up before anything is sent. */
  inFlight: ReadonlySet<number>;
  /** Rows the plan chose to update: row → id of the record on the target. */
  updates: ReadonlyMap<number, string>;
  /** Requests and retries spent by earlier attempts, so the summary covers the whole run. */
  spent: { requests: number; retries: number; lastRequest: number };
  started: number;
}

export interface PushOptions<P> {
  adapter: PushAdapter<P>;
  maxRps: number;
  concurrency?: number;
  signal?: AbortSignal;
  clock: Clock;
  onProgress?: (progress: RunProgress) => void;
}

/** What a run ended with, for the CLI, the app and tests. */
export interface RunOutcome {
  runId: string;
  runDir: string;
  summary: RunSummary;
  results: RowResult[];
  resultsPath: string;
  failedPath?: string;
  /** Source columns holding passwords or PINs: result files leave their cells empty. */
  hidden: ReadonlySet<number>;
  stopped?: BatchRunOutcome['stopped'];
}

/** Counts results by status into the summary the CLI prints and the app shows. */
export function summarise(
  runId: string,
  total: number,
  results: readonly RowResult[],
  requests: number,
  retries: number,
  durationMs: number,
): RunSummary {
  return {
    runId,
    total,
    ...countByStatus(results),
    requests,
    retries,
    durationMs: Math.round(durationMs),
  };
}

function endState(stopped: BatchRunOutcome['stopped']): 'completed' | 'cancelled' | 'stopped' {
  if (!stopped) {
    return 'completed';
  }
  return stopped.code === 'CANCELLED' ? 'cancelled' : 'stopped';
}

/**
 * Pushes every valid row not yet settled, then writes the results and the manifest.
 *
 * Shared by a fresh run and a resumed one, so both keep the same promise: rows in flight
 * are looked up first, settled rows are never sent again, and created + updated + skipped +
 * failed + invalid equals the rows of the sheet.
 */
export async function pushAndFinish<P>(
  context: RunContext<P>,
  options: PushOptions<P>,
): Promise<RunOutcome> {
  const { dataset, table, journal, manifest, settled } = context;
  const { updates } = context;
  const toItem = (row: number, payload: P): PushItem<P> => {
    const updateId = updates.get(row);
    return {
      row,
      payload,
      identity: dataset.identityOf(payload).toLowerCase(),
      ...(updateId === undefined ? {} : { updateId }),
    };
  };
  // Creates and updates never share a call, nor do rows of different groups (workspaces).
  const groupOf = (row: number, payload: P) =>
    `${updates.has(row) ? 'update' : 'create'}\u0000${dataset.groupOf?.(payload) ?? ''}`;
  const pending = context.rows.filter((row) => row.payload !== undefined && !settled.has(row.row));
  const inFlight = pending
    .filter((row) => context.inFlight.has(row.row))
    .map((row) => toItem(row.row, row.payload as P));
  const fresh = planBatches(
    pending.filter((row) => !context.inFlight.has(row.row)),
    dataset.batchSize,
    groupOf,
  ).map((batch) => batch.items.map((item) => toItem(item.row, item.payload)));
  let outcome: BatchRunOutcome;
  try {
    outcome = await runBatches({
      adapter: options.adapter,
      batches: fresh,
      inFlight,
      batchSize: dataset.batchSize,
      groupOf: (item) => groupOf(item.row, item.payload),
      journal,
      firstRequest: context.spent.lastRequest + 1,
      // A half-second burst: enough to start fast, small enough not to overrun a server
      // that counts requests per second.
      limiter: new RateLimiter(
        options.maxRps,
        Math.max(1, Math.ceil(options.maxRps / 2)),
        options.clock,
      ),
      concurrency: options.concurrency ?? 2,
      signal: options.signal,
      clock: options.clock,
      onProgress: options.onProgress
        ? (progress) =>
            options.onProgress?.({
              ...progress,
              done: progress.done + settled.size,
              total: table.rows.length,
            })
        : undefined,
    });
    await journal.append({
      t: 'end',
      state: endState(outcome.stopped),
      ...(outcome.stopped ? { reason: outcome.stopped.reason } : {}),
    });
  } finally {
    await journal.close();
  }
  const results = [...settled.values(), ...outcome.results].sort((a, b) => a.row - b.row);
  const summary = summarise(
    manifest.runId,
    table.rows.length,
    results,
    context.spent.requests + outcome.requests,
    context.spent.retries + outcome.retries,
    options.clock.now() - context.started,
  );
  const hidden = secretColumns(context.dataset, manifest.mapping, table.headers).indexes;
  const files = await writeRunResults(context.runDir, table, results, summary, hidden);
  await writeManifest(context.runDir, {
    ...manifest,
    state: endState(outcome.stopped),
    ...(outcome.stopped ? { stopReason: outcome.stopped.reason } : { stopReason: undefined }),
    summary,
  });
  return {
    runId: manifest.runId,
    runDir: context.runDir,
    summary,
    results,
    ...files,
    hidden,
    ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
  };
}
