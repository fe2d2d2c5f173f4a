import type { Mapping } from '../../../shared/datasets/targets';
import type { ValidationCounts } from '../../../shared/jobs/run-types';
import type { RowIssue } from '../../../shared/table/row-issue';
import type { SourceTable } from '../../../shared/table/source-table';
import { CELL_SEPARATOR, PackedStrings } from '../../../shared/validation/packed-rows';
import type { RowBatch } from '../../../shared/validation/validation-collector';
import { AppError } from '../../../shared/errors';
import type { ByteSource } from './byte-source';
import { wideTracker } from './compact-text';
import { PackedRow } from './packed-row';
import {
  BATCH_CHARS,
  BATCH_ROWS,
  readingWorkers,
  startRowChecks,
  type CheckOptions,
  type RowChecks,
} from './row-checks';
import { streamCsv, type CsvReadOptions } from './stream-csv';
import type { DatasetSpec } from './worker-protocol';

/** How far a pipeline has got; reported a few times a second. */
export interface PipelineProgress {
  /** Data rows read so far. */
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

/** Options of {@link validateCsv}. */
export interface ValidateCsvOptions extends Omit<CheckOptions, 'keepRowIssues'> {
  source: ByteSource;
  read?: CsvReadOptions;
  /**
   * The dataset and mapping for the sheet's headers, asked when the first data row arrives
   * (so an empty sheet is reported as empty, not as badly mapped). Throw to refuse; with
   * `keepRows`, undefined reads the rows without checking them (`checked` is then false).
   */
  prepare: (headers: string[]) => { dataset: DatasetSpec; mapping: Mapping } | undefined;
  /**
   * Keep every row (packed, see PackedRow, compacted as readCsvTable does) and its issues;
   * otherwise rows are dropped once checked.
   */
  keepRows?: boolean;
  onProgress?: (progress: PipelineProgress) => void;
}

/** A validated CSV: the table (its rows only when kept), the counts and the issues. */
export interface ValidateCsvResult {
  table: SourceTable;
  counts: ValidationCounts;
  /** The first issues in row order: every one when rows are kept, else `maxStoredIssues`. */
  issues: RowIssue[];
  /** Every issue found, stored or not. */
  issueCount: number;
  /** Each kept row's issues by its index in `table.rows` (rows without issues are absent). */
  rowIssues: Map<number, RowIssue[]>;
  encodingGuessed: boolean;
  undecodableChars: number;
  /** False when `prepare` declined: the rows were read (and kept), not checked. */
  checked: boolean;
}

const PROGRESS_MS = 100;

/**
 * Reads, maps, validates and phone-normalises a CSV in one streaming pass: this thread
 * parses and does the cross-row checks, workers check chunks of rows. The results equal
 * validateTable's on the whole file read by readTableFile; only `keepRows` keeps the rows.
 * Aborting `signal` stops the file stream and the workers (AppError CANCELLED).
 */
export async function validateCsv(opts: ValidateCsvOptions): Promise<ValidateCsvResult> {
  const keepRows = opts.keepRows ?? false;
  const rows: PackedRow[] = [];
  const readIssues: RowIssue[] = [];
  let checks: RowChecks | undefined;
  // prepare() is asked once per header: undefined then means "read only".
  let prepared = false;
  const wide = wideTracker();
  let headers: string[] = [];
  let total = 0;
  let reported = 0;
  let reserved = false;
  let packedRows = new PackedStrings();
  const newBatch = (): RowBatch => {
    packedRows = new PackedStrings();
    return { first: total, rows: [], packed: packedRows, readIssues: new Map(), sent: [] };
  };
  let batch = newBatch();
  let batchChars = 0;
  const progress = (bytesRead: number, force = false): void => {
    const now = performance.now();
    if (opts.onProgress && (force || now - reported >= PROGRESS_MS)) {
      reported = now;
      opts.onProgress({ rows: total, bytesRead, totalBytes: opts.source.size });
    }
  };
  const checksFor = (): RowChecks | undefined => {
    prepared = true;
    const chosen = opts.prepare(headers);
    if (!chosen && !keepRows) {
      throw new AppError('INTERNAL', 'validateCsv: nothing to check and no rows to keep.');
    }
    return (
      chosen &&
      startRowChecks(chosen.dataset, headers, chosen.mapping, {
        ...opts,
        workers: opts.workers ?? readingWorkers(),
        keepRowIssues: keepRows,
      })
    );
  };

  try {
    const info = await streamCsv(
      opts.source,
      opts.read ?? {},
      {
        header: (cells) => {
          headers = cells;
        },
        issue: (issue) => {
          if (keepRows) {
            readIssues.push(issue);
          }
        },
        row: (line, cells, issues) => {
          if (!prepared) {
            checks = checksFor();
          }
          const joined = cells.join(CELL_SEPARATOR);
          const packed = keepRows ? wide.keep(joined) : joined;
          if (keepRows) {
            rows.push(new PackedRow(line, packed));
            if (issues) {
              readIssues.push(...issues);
            }
          }
          total++;
          if (!checks) {
            return;
          }
          const index = batch.rows.length;
          batch.rows.push(line);
          packedRows.push(packed);
          batchChars += packed.length;
          if (issues) {
            batch.readIssues.set(index, issues);
          }
          if (!issues?.some((issue) => issue.severity === 'error')) {
            batch.sent.push(index);
          }
        },
        afterPiece: async (info) => {
          if (checks && !reserved && total > 0) {
            // Size the duplicate indexes once for the whole file, from the bytes per row so far.
            reserved = true;
            checks.collector.reserve(
              Math.ceil((opts.source.size * total * 1.05) / Math.max(1, info.bytesRead)),
            );
          }
          if (checks && (batch.rows.length >= BATCH_ROWS || batchChars >= BATCH_CHARS)) {
            const full = batch;
            batch = newBatch();
            batchChars = 0;
            await checks.dispatcher.submit(full);
          }
          progress(info.bytesRead);
        },
        beforePiece: keepRows ? wide.piece : undefined,
        reset: () => {
          void checks?.close();
          checks = undefined;
          prepared = false;
          reserved = false;
          total = 0;
          batchChars = 0;
          rows.length = 0;
          readIssues.length = 0;
          batch = newBatch();
        },
      },
      opts.signal,
    );
    if (checks && batch.rows.length > 0) {
      await checks.dispatcher.submit(batch);
    }
    await checks?.dispatcher.finish();
    progress(opts.source.size, true);
    const collector = checks?.collector;
    return {
      table: {
        fileName: opts.source.name,
        format: 'csv',
        encoding: info.encoding,
        delimiter: info.delimiter,
        headerRow: info.headerRow,
        headers: info.headers,
        rows,
        issues: readIssues,
        skippedEmpty: info.skippedEmpty,
      },
      counts: collector?.counts ?? { total: 0, valid: 0, invalid: 0, warnings: 0 },
      issues: collector?.issues ?? [],
      issueCount: collector?.issueCount ?? 0,
      rowIssues: collector?.rowIssues ?? new Map<number, RowIssue[]>(),
      encodingGuessed: info.encodingGuessed,
      undecodableChars: info.undecodableChars,
      checked: checks !== undefined,
    };
  } finally {
    await checks?.close();
  }
}
