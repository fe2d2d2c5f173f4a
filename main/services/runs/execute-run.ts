import { join } from 'node:path';
import type { DatasetDef } from '../../../shared/datasets/dataset';
import type { Mapping } from '../../../shared/datasets/targets';
import type { RowResult, RunProgress, RunSummary } from '../../../shared/jobs/run-types';
import type { SourceTable } from '../../../shared/table/source-table';
import { planBatches } from '../../../shared/plan/plan-batches';
import {
  buildResultsTable,
  failedRowsTable,
  invalidRowResults,
} from '../../../shared/results/results-table';
import { toCsv } from '../../../shared/csv/write-csv';
import { validateTable } from '../../../shared/validation/validate-table';
import { runBatches, type BatchRunOutcome } from '../push/batch-runner';
import type { PushAdapter, PushItem } from '../push/push-adapter';
import { RateLimiter, systemClock, type Clock } from '../push/rate-limiter';
import { Journal } from './journal';
import {
  createRunDir,
  newRunId,
  RUN_FILES,
  writeFileAtomic,
  writeManifest,
  type RunManifest,
} from './run-files';

export interface ExecuteRunInput<P> {
  dataset: DatasetDef<P>;
  table: SourceTable;
  mapping: Mapping;
  adapter: PushAdapter<P>;
  /** Shown in the manifest so a run says where it pushed; never a token. */
  baseUrl: string;
  runsDir: string;
  maxRps: number;
  concurrency?: number;
  sourcePath?: string;
  signal?: AbortSignal;
  clock?: Clock;
  onStart?: (runId: string, runDir: string) => void;
  onProgress?: (progress: RunProgress) => void;
}

export interface RunOutcome {
  runId: string;
  runDir: string;
  summary: RunSummary;
  results: RowResult[];
  resultsPath: string;
  failedPath?: string;
  stopped?: BatchRunOutcome['stopped'];
}

/** Counts results by status into the summary the CLI prints and the app shows. */
export function summarise(
  runId: string,
  total: number,
  results: RowResult[],
  requests: number,
  retries: number,
  durationMs: number,
): RunSummary {
  const count = (status: RowResult['status']) =>
    results.filter((result) => result.status === status).length;
  return {
    runId,
    total,
    created: count('created'),
    updated: count('updated'),
    skipped: count('skipped'),
    failed: count('failed'),
    invalid: count('invalid'),
    requests,
    retries,
    durationMs: Math.round(durationMs),
  };
}

/**
 * Runs one push from a read table to a results sheet: validate → plan → journal → push →
 * results.csv (and failed-rows.csv) in the run's own folder.
 *
 * Every data row ends with exactly one result, so created + updated + skipped + failed +
 * invalid always equals the rows of the sheet.
 */
export async function executeRun<P>(input: ExecuteRunInput<P>): Promise<RunOutcome> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  const { dataset, table } = input;
  const validated = validateTable(table, dataset, input.mapping);
  const runId = newRunId(dataset.target, dataset.kind, new Date(started));
  const runDir = await createRunDir(input.runsDir, runId);
  const manifest: RunManifest = {
    runId,
    target: dataset.target,
    kind: dataset.kind,
    fileName: table.fileName,
    ...(input.sourcePath ? { sourcePath: input.sourcePath } : {}),
    baseUrl: input.baseUrl,
    mapping: input.mapping,
    createdAt: new Date(started).toISOString(),
    state: 'running',
  };
  await writeManifest(runDir, manifest);
  input.onStart?.(runId, runDir);

  const journal = await Journal.open(join(runDir, RUN_FILES.journal));
  let outcome: BatchRunOutcome;
  // Invalid rows become results straight away: they are reported, never sent.
  const invalid = invalidRowResults(validated.rows);
  try {
    await journal.append({ t: 'start', runId, rows: table.rows.length });
    for (const result of invalid) {
      await journal.append({ t: 'row', ...result });
    }
    const batches: PushItem<P>[][] = planBatches(validated.rows, dataset.batchSize).map((batch) =>
      batch.items.map((item) => ({
        ...item,
        identity: dataset.identityOf(item.payload).toLowerCase(),
      })),
    );
    outcome = await runBatches({
      adapter: input.adapter,
      batches,
      journal,
      // A half-second burst: enough to start fast, small enough not to overrun a server
      // that counts requests per second.
      limiter: new RateLimiter(input.maxRps, Math.max(1, Math.ceil(input.maxRps / 2)), clock),
      concurrency: input.concurrency ?? 2,
      signal: input.signal,
      clock,
      onProgress: input.onProgress
        ? (progress) =>
            input.onProgress?.({
              ...progress,
              done: progress.done + invalid.length,
              total: table.rows.length,
            })
        : undefined,
    });
    await journal.append({
      t: 'end',
      state: outcome.stopped
        ? outcome.stopped.code === 'CANCELLED'
          ? 'cancelled'
          : 'stopped'
        : 'completed',
      ...(outcome.stopped ? { reason: outcome.stopped.reason } : {}),
    });
  } finally {
    await journal.close();
  }

  const results = [...invalid, ...outcome.results].sort((a, b) => a.row - b.row);
  const summary = summarise(
    runId,
    table.rows.length,
    results,
    outcome.requests,
    outcome.retries,
    clock.now() - started,
  );
  const resultsSheet = buildResultsTable(table, results);
  const resultsPath = join(runDir, RUN_FILES.results);
  await writeFileAtomic(resultsPath, toCsv(resultsSheet.headers, resultsSheet.rows));
  let failedPath: string | undefined;
  if (summary.failed + summary.invalid > 0) {
    const failedSheet = failedRowsTable(table, results);
    failedPath = join(runDir, RUN_FILES.failed);
    await writeFileAtomic(failedPath, toCsv(failedSheet.headers, failedSheet.rows));
  }
  await writeManifest(runDir, {
    ...manifest,
    state: outcome.stopped ? 'stopped' : 'completed',
    ...(outcome.stopped ? { stopReason: outcome.stopped.reason } : {}),
    summary,
  });
  return {
    runId,
    runDir,
    summary,
    results,
    resultsPath,
    ...(failedPath ? { failedPath } : {}),
    ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
  };
}
