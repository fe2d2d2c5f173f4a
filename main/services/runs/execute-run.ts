import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { planDrift, type PlanCounts } from '../../../shared/plan/plan-drift';
import type { DatasetDef } from '../../../shared/datasets/dataset';
import type { Mapping } from '../../../shared/datasets/targets';
import type { RowResult, RunProgress } from '../../../shared/jobs/run-types';
import { invalidRowResults } from '../../../shared/results/results-table';
import type { SourceTable } from '../../../shared/table/source-table';
import { validateTable } from '../../../shared/validation/validate-table';
import type { AdapterOptions } from '../connectors/push-adapters';
import type { PushAdapter } from '../push/push-adapter';
import { RateLimiter, systemClock, type Clock } from '../push/rate-limiter';
import { planPush, requireConfirmation, type PushPlan } from '../plan/plan-push';
import { Journal } from './journal';
import { pushAndFinish, type RunOutcome } from './push-and-finish';
import { createRunDir, newRunId, RUN_FILES, writeManifest, type RunManifest } from './run-files';
import { acquireRunLock } from './run-lock';
import { writeRunSource } from './run-source';

export type { RunOutcome } from './push-and-finish';
export { summarise } from './push-and-finish';

export interface ExecuteRunInput<P> {
  dataset: DatasetDef<P>;
  table: SourceTable;
  mapping: Mapping;
  adapter: PushAdapter<P>;
  /** Shown in the manifest so a run says where it pushed; never a token. */
  baseUrl: string;
  auth?: RunManifest['auth'];
  connectionId?: string;
  country?: string;
  /** Recorded in the manifest so a resume builds the same adapter. */
  adapterOptions?: AdapterOptions;
  runsDir: string;
  maxRps: number;
  concurrency?: number;
  sourcePath?: string;
  signal?: AbortSignal;
  clock?: Clock;
  /** Plan against the target first (default): unchanged rows are skipped, conflicts reported. */
  planFirst?: boolean;
  /** The admin confirmed a run that changes more than 20% of the existing records. */
  confirmLarge?: boolean;
  /**
   * Update records that exist with other values, where the target can (default true);
   * false makes them conflicts, for an admin who only wants new things created.
   */
  allowUpdates?: boolean;
  /**
   * The plan the admin was shown (the app's Plan step): the push stops before any write when
   * the plan made now differs, since the target changed in between.
   */
  expectedPlan?: PlanCounts;
  onPlanned?: (plan: PushPlan) => void;
  onStart?: (runId: string, runDir: string) => void;
  onProgress?: (progress: RunProgress) => void;
}

/** Rows a plan settles without sending: unchanged ones are skipped, conflicts fail. */
function plannedResults(plan: PushPlan | undefined): RowResult[] {
  if (!plan) {
    return [];
  }
  return plan.rows.flatMap((row): RowResult[] => {
    if (row.action === 'unchanged') {
      return [
        {
          row: row.row,
          status: 'skipped',
          message: row.message,
          ...(row.id ? { id: row.id } : {}),
        },
      ];
    }
    if (row.action === 'conflict') {
      return [
        { row: row.row, status: 'failed', message: row.message, ...(row.id ? { id: row.id } : {}) },
      ];
    }
    return [];
  });
}

/**
 * Runs one push from a read table to a results sheet: validate → save the sheet → journal →
 * push → results.csv (and failed-rows.csv) in the run's own folder.
 *
 * The sheet and the journal are on disk before the first request, so a run killed at any
 * point can be resumed (resume-run.ts) without sending a confirmed row again.
 */
export async function executeRun<P>(input: ExecuteRunInput<P>): Promise<RunOutcome> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  const { dataset, table } = input;
  const validated = validateTable(table, dataset, input.mapping);
  // Planning reads the target before anything is written: a refused or unreachable target,
  // or a run too large to go unconfirmed, leaves no run folder behind.
  const readLimiter = new RateLimiter(input.maxRps, 1, clock);
  const plan =
    input.planFirst === false
      ? undefined
      : await planPush(dataset, validated.rows, input.adapter, {
          allowUpdates: input.allowUpdates ?? true,
          pace: () => readLimiter.acquire(input.signal),
        });
  requireConfirmation(plan, input.confirmLarge === true, 'confirm it');
  const drift = plan && input.expectedPlan && planDrift(input.expectedPlan, plan.summary);
  if (drift) {
    throw new AppError(
      'CONFLICT',
      `What ${table.fileName} would change has changed since the plan was shown: now ${drift}. Nothing was sent; plan the push again.`,
    );
  }
  if (plan) {
    input.onPlanned?.(plan);
  }
  const runId = newRunId(dataset.target, dataset.kind, new Date(started));
  const runDir = await createRunDir(input.runsDir, runId);
  const manifest: RunManifest = {
    runId,
    target: dataset.target,
    kind: dataset.kind,
    fileName: table.fileName,
    ...(input.sourcePath ? { sourcePath: input.sourcePath } : {}),
    baseUrl: input.baseUrl,
    auth: input.auth ?? { kind: 'token' },
    ...(input.connectionId ? { connectionId: input.connectionId } : {}),
    mapping: input.mapping,
    ...(input.country ? { country: input.country } : {}),
    ...(input.adapterOptions && Object.keys(input.adapterOptions).length > 0
      ? { adapterOptions: input.adapterOptions }
      : {}),
    maxRps: input.maxRps,
    createdAt: new Date(started).toISOString(),
    state: 'running',
  };
  const release = await acquireRunLock(runDir, runId);
  await writeRunSource(join(runDir, RUN_FILES.source), table);
  await writeManifest(runDir, manifest);
  input.onStart?.(runId, runDir);

  const journal = await Journal.open(join(runDir, RUN_FILES.journal));
  // Invalid rows become results straight away: they are reported, never sent.
  const invalid = [...invalidRowResults(validated.rows), ...plannedResults(plan)];
  const updates = new Map(
    (plan?.rows ?? []).flatMap((row): [number, string][] =>
      row.action === 'update' && row.id !== undefined ? [[row.row, row.id]] : [],
    ),
  );
  try {
    await journal.appendMany([
      {
        t: 'start',
        runId,
        rows: table.rows.length,
        ...(updates.size > 0 ? { updates: [...updates] } : {}),
      },
      ...invalid.map((result) => ({ t: 'row' as const, ...result })),
    ]);
  } catch (caught) {
    await journal.close();
    await release();
    throw caught;
  }
  return pushAndFinish(
    {
      runDir,
      manifest,
      table,
      dataset,
      rows: validated.rows,
      journal,
      settled: new Map(invalid.map((result) => [result.row, result])),
      inFlight: new Set(),
      updates,
      spent: { requests: 0, retries: 0, lastRequest: 0 },
      started,
    },
    {
      adapter: input.adapter,
      maxRps: input.maxRps,
      ...(input.concurrency ? { concurrency: input.concurrency } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      clock,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    },
  ).finally(release);
}
