import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { DatasetDef } from '../../../shared/datasets/dataset';
import { getDataset } from '../../../shared/datasets/registry';
import type { RunProgress } from '../../../shared/jobs/run-types';
import { validateTable } from '../../../shared/validation/validate-table';
import type { PushAdapter } from '../push/push-adapter';
import { systemClock, type Clock } from '../push/rate-limiter';
import { Journal } from './journal';
import { readJournalState } from './journal-state';
import { pushAndFinish, type RunOutcome } from './push-and-finish';
import { readManifest, RUN_FILES, writeManifest, type RunManifest } from './run-files';
import { acquireRunLock } from './run-lock';
import { readRunSource } from './run-source';

export interface ResumeRunInput {
  runsDir: string;
  runId: string;
  /** Builds the adapter once the manifest says which target and where. */
  adapterFor: (manifest: RunManifest) => PushAdapter<unknown>;
  maxRps?: number;
  signal?: AbortSignal;
  clock?: Clock;
  onStart?: (manifest: RunManifest) => void;
  onProgress?: (progress: RunProgress) => void;
}

/**
 * Resumes a crashed, cancelled or stopped run from its folder: the saved sheet, the manifest
 * and the journal. Rows with a final outcome are never sent again; rows that were in flight
 * are looked up on the target first and only the missing ones are sent.
 */
export async function resumeRun(input: ResumeRunInput): Promise<RunOutcome> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  await readManifest(input.runsDir, input.runId);
  const runDir = join(input.runsDir, input.runId);
  const release = await acquireRunLock(runDir, input.runId);
  try {
    // Read under the lock: another process may have finished the run a moment ago.
    const manifest = await readManifest(input.runsDir, input.runId);
    if (manifest.state === 'completed') {
      throw new AppError(
        'USAGE',
        `Run ${input.runId} has already completed; there is nothing to resume.`,
      );
    }
    return await resumeLocked(input, manifest, runDir, clock, started);
  } finally {
    await release();
  }
}

async function resumeLocked(
  input: ResumeRunInput,
  manifest: RunManifest,
  runDir: string,
  clock: Clock,
  started: number,
): Promise<RunOutcome> {
  const table = await readRunSource(join(runDir, RUN_FILES.source));
  const dataset: DatasetDef | undefined = getDataset(
    manifest.target,
    manifest.kind,
    manifest.country ? { defaultCountry: manifest.country } : {},
  );
  if (!dataset) {
    throw new AppError(
      'USAGE',
      `Run ${input.runId} is for ${manifest.target} ${manifest.kind}, which this version cannot push.`,
    );
  }
  const journalPath = join(runDir, RUN_FILES.journal);
  await Journal.repair(journalPath);
  const entries = await Journal.read(journalPath);
  const state = readJournalState(entries);
  // The same sheet, mapping and rules give the same rows: validation is deterministic.
  const validated = validateTable(table, dataset, manifest.mapping);
  const resumedManifest: RunManifest = {
    ...manifest,
    state: 'running',
    resumedAt: [...(manifest.resumedAt ?? []), new Date(started).toISOString()],
  };
  await writeManifest(runDir, resumedManifest);
  input.onStart?.(resumedManifest);
  const journal = await Journal.open(journalPath);
  const sends = entries.filter((entry) => entry.t === 'send').length;
  return pushAndFinish(
    {
      runDir,
      manifest: resumedManifest,
      table,
      dataset,
      rows: validated.rows,
      journal,
      settled: state.settled,
      inFlight: state.inFlight,
      updates: state.updates,
      spent: {
        requests: manifest.summary?.requests ?? sends,
        retries: manifest.summary?.retries ?? 0,
        lastRequest: state.lastRequest,
      },
      started,
    },
    {
      adapter: input.adapterFor(resumedManifest),
      maxRps: input.maxRps ?? manifest.maxRps ?? 10,
      ...(input.signal ? { signal: input.signal } : {}),
      clock,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    },
  );
}
