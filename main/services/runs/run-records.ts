import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RunOutcomeCounts, RunRowStatus } from '../../../shared/ipc/contract';
import type { RowResult } from '../../../shared/jobs/run-types';
import { columnWidths } from '../../../shared/table/column-widths';
import type { SourceTable } from '../../../shared/table/source-table';
import { Journal, type JournalEntry } from './journal';
import { readManifest, RUN_FILES, type RunManifest } from './run-files';
import {
  countOutcomes,
  journalResults,
  journalSpend,
  rowOutcomes,
  type RowOutcome,
} from './run-outcomes';
import { readRunSource } from './run-source';

/** A run folder read for the Runs page's detail view. */
export interface RunRecord {
  manifest: RunManifest;
  table: SourceTable;
  columnWidths: number[];
  /** One per source row, in sheet order. */
  outcomes: RowOutcome[];
  counts: RunOutcomeCounts;
  /** The journal's last result per row, as the results sheet lists them. */
  results: RowResult[];
  requests: number;
  retries: number;
  durationMs: number;
  /** Indexes into `outcomes` of the rows with `status`, in sheet order. */
  indexesOf(status: RunRowStatus): readonly number[];
}

interface Cached {
  sourceStamp: string;
  table: SourceTable;
  widths: number[];
  stamp: string;
  record: RunRecord;
}

/** Identifies a file's content cheaply: size and modification time, or "none". */
async function stampOf(path: string): Promise<string> {
  return stat(path).then(
    (info) => `${info.size}:${info.mtimeMs}`,
    () => 'none',
  );
}

async function readJournal(path: string): Promise<JournalEntry[]> {
  // A run that has only just started may not have its journal yet: nothing is known.
  return Journal.read(path).catch(() => []);
}

function buildRecord(
  manifest: RunManifest,
  table: SourceTable,
  widths: number[],
  entries: readonly JournalEntry[],
): RunRecord {
  const outcomes = rowOutcomes(
    table.rows.map((row) => row.row),
    entries,
    manifest.state === 'completed',
  );
  const finished = manifest.state !== 'running' && manifest.summary !== undefined;
  const spend = finished && manifest.summary ? manifest.summary : journalSpend(entries);
  const lastAt = entries.at(-1)?.at;
  const elapsed = lastAt ? Date.parse(lastAt) - Date.parse(manifest.createdAt) : 0;
  const byStatus = new Map<RunRowStatus, number[]>();
  return {
    manifest,
    table,
    columnWidths: widths,
    outcomes,
    counts: countOutcomes(outcomes),
    results: journalResults(entries),
    requests: spend.requests,
    retries: spend.retries,
    durationMs:
      finished && manifest.summary ? manifest.summary.durationMs : Math.max(0, elapsed || 0),
    indexesOf(status) {
      let indexes = byStatus.get(status);
      if (!indexes) {
        indexes = outcomes.flatMap((outcome, index) => (outcome.status === status ? [index] : []));
        byStatus.set(status, indexes);
      }
      return indexes;
    },
  };
}

/**
 * Reads runs for the detail view and keeps the last few, so paging through a run's rows
 * does not read its sheet again for every page. The saved sheet never changes; the journal
 * and manifest of a running run do, and are read again whenever their size or time moves.
 */
export class RunRecords {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly runsDir: string,
    private readonly keep = 2,
  ) {}

  /** The run's record, or NOT_FOUND when the folder or its saved sheet is missing. */
  async get(runId: string): Promise<RunRecord> {
    const dir = join(this.runsDir, runId);
    const sourcePath = join(dir, RUN_FILES.source);
    const journalPath = join(dir, RUN_FILES.journal);
    const [sourceStamp, journalStamp, manifestStamp] = await Promise.all([
      stampOf(sourcePath),
      stampOf(journalPath),
      stampOf(join(dir, RUN_FILES.manifest)),
    ]);
    const stamp = `${journalStamp}|${manifestStamp}`;
    const cached = this.cache.get(runId);
    if (cached && cached.sourceStamp === sourceStamp && cached.stamp === stamp) {
      return cached.record;
    }
    const manifest = await readManifest(this.runsDir, runId);
    if (sourceStamp === 'none') {
      throw new AppError(
        'NOT_FOUND',
        `Run ${runId} has no saved sheet (${RUN_FILES.source}), so its rows cannot be shown.`,
      );
    }
    const reuse = cached?.sourceStamp === sourceStamp ? cached : undefined;
    const table = reuse?.table ?? (await readRunSource(sourcePath));
    const widths =
      reuse?.widths ??
      columnWidths(table.headers, table.rows.length, (i) => table.rows[i]?.cells ?? []);
    const record = buildRecord(manifest, table, widths, await readJournal(journalPath));
    this.cache.delete(runId);
    this.cache.set(runId, { sourceStamp, table, widths, stamp, record });
    for (const old of this.cache.keys()) {
      if (this.cache.size <= this.keep) {
        break;
      }
      this.cache.delete(old);
    }
    return record;
  }
}
