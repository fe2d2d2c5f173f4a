import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ValidationCounts } from '../../../shared/jobs/run-types';
import type { RowIssue } from '../../../shared/table/row-issue';
import { validateTable } from '../../../shared/validation/validate-table';
import { writeTableFile } from '../../services/files/write-table-file';
import { validateCsv } from '../../services/pipeline/validate-csv';
import { stringOption, type ParsedCommand } from '../cli-args';
import type { CliIo } from '../cli-io';
import { datasetFor, loadSheet, readMapFile, sheetMapping } from '../load-sheet';
import { streamableText } from '../../services/pipeline/text-source';
import type { PipelineProgress } from '../../services/pipeline/validate-csv';

const SHOWN_ISSUES = 50;
// Issues kept in memory: enough for every line printed and for --json, without holding a
// million of them; --report keeps more, and says so when there were more still.
const KEPT_ISSUES = 10_000;
const REPORTED_ISSUES = 100_000;
// Below this a sheet is checked in this thread: starting workers costs more than it saves.
const WORKER_MIN_BYTES = 4 * 1024 * 1024;
// Files this big print progress on stderr (a 100 MB file takes a second or more).
const PROGRESS_MIN_BYTES = 16 * 1024 * 1024;

/** One line naming where a problem is: "row 7, Work Email: …". */
export function describeIssue(issue: RowIssue): string {
  const where = issue.column ? `row ${issue.row}, ${issue.column}` : `row ${issue.row}`;
  return `${where}: ${issue.message}`;
}

/** Writes the problems of a sheet as a table an admin can sort and filter. */
async function writeIssueReport(path: string, issues: RowIssue[]): Promise<void> {
  await writeTableFile(
    path,
    ['row', 'column', 'severity', 'code', 'message'],
    issues.map((issue) => [
      String(issue.row),
      issue.column ?? '',
      issue.severity,
      issue.code,
      issue.message,
    ]),
  );
}

/** What validation found, however the sheet was read. */
interface Checked {
  counts: ValidationCounts;
  /** The first issues in row order (all of them for a sheet read whole). */
  issues: RowIssue[];
  issueCount: number;
  skippedEmpty: number;
}

/**
 * `batchline validate FILE`: read, map and check every row offline; print the problems with
 * row and column. Exit 0 when every row is valid, 1 when some are not.
 *
 * A CSV is streamed (main/services/pipeline): rows are checked on worker threads as the file
 * is read and are not kept, only the counts, the first issues and the duplicate keys, so a
 * million-row file validates in a few hundred MB. Progress goes to stderr for big files;
 * Ctrl-C stops the read and the workers. Workbooks are read whole, as before.
 */
export async function validateCommand(parsed: ParsedCommand, io: CliIo): Promise<number> {
  const file = parsed.file ?? '';
  const report = stringOption(parsed, 'report');
  const checked = await check(parsed, io, file, report ? REPORTED_ISSUES : KEPT_ISSUES);
  const { counts, issues } = checked;
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (report) {
    await writeIssueReport(resolve(io.cwd, report), issues);
  }
  if (parsed.values.json === true) {
    io.stdout(
      `${JSON.stringify({
        total: counts.total,
        valid: counts.valid,
        invalid: counts.invalid,
        warnings: counts.warnings,
        errors: errors.map((issue) => ({
          row: issue.row,
          column: issue.column,
          message: issue.message,
        })),
      })}\n`,
    );
  } else {
    const skipped = checked.skippedEmpty > 0 ? ` · ${checked.skippedEmpty} empty rows skipped` : '';
    io.stdout(
      `${parsed.file}: ${counts.total} rows · ${counts.valid} valid · ${counts.invalid} invalid · ${counts.warnings} with warnings${skipped}\n`,
    );
    for (const issue of issues.slice(0, SHOWN_ISSUES)) {
      io.stdout(
        `  ${issue.severity === 'error' ? 'error  ' : 'warning'} ${describeIssue(issue)}\n`,
      );
    }
    if (checked.issueCount > SHOWN_ISSUES) {
      io.stdout(
        `  … and ${checked.issueCount - SHOWN_ISSUES} more${report ? '' : ' (write them all with --report FILE)'}\n`,
      );
    }
    if (report) {
      const partial =
        checked.issueCount > issues.length
          ? ` (the first ${issues.length} of ${checked.issueCount} problems)`
          : '';
      io.stdout(`report written to ${report}${partial}\n`);
    }
  }
  return counts.invalid > 0 ? 1 : 0;
}

async function check(
  parsed: ParsedCommand,
  io: CliIo,
  file: string,
  keptIssues: number,
): Promise<Checked> {
  const country = stringOption(parsed, 'country');
  const mapFile = stringOption(parsed, 'map');
  const dataset = datasetFor(parsed.target, parsed.kind, country);
  const path = resolve(io.cwd, file);
  // A cross-row check needs every payload at once: such datasets are validated in memory.
  const source = dataset.crossRowCheck ? undefined : await streamableText(path);
  if (!source) {
    const sheet = await loadSheet(file, io.cwd, {
      target: parsed.target,
      kind: parsed.kind,
      sheet: stringOption(parsed, 'sheet'),
      mapFile,
      country,
      onWarning: (message) => io.stderr(`warning: ${message}\n`),
    });
    const validated = validateTable(sheet.table, sheet.dataset, sheet.mapping);
    return {
      counts: validated.counts,
      issues: validated.issues,
      issueCount: validated.issues.length,
      skippedEmpty: sheet.table.skippedEmpty,
    };
  }
  const fromFile = mapFile ? await readMapFile(resolve(io.cwd, mapFile)) : undefined;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  const progress = validateProgress(io, file, source.size);
  try {
    const result = await validateCsv({
      source,
      prepare: (headers) => ({
        dataset: {
          target: parsed.target,
          kind: parsed.kind,
          defaultCountry: country?.toUpperCase(),
        },
        mapping: sheetMapping(headers, dataset, file, fromFile, (message) =>
          io.stderr(`warning: ${message}\n`),
        ),
      }),
      maxStoredIssues: keptIssues,
      ...(source.size < WORKER_MIN_BYTES ? { workers: 0 } : {}),
      inlineWhileStarting: true,
      signal: controller.signal,
      onProgress: progress.update,
    });
    if (result.table.headers.every((header) => header.trim() === '')) {
      throw new AppError('FILE_EMPTY', `${source.name} is empty: it has no header row`);
    }
    if (result.counts.total === 0) {
      throw new AppError('FILE_EMPTY', `${file} has a header row but no data rows.`);
    }
    return {
      counts: result.counts,
      issues: result.issues,
      issueCount: result.issueCount,
      skippedEmpty: result.table.skippedEmpty,
    };
  } finally {
    progress.finish();
    process.off('SIGINT', onSignal);
  }
}

/**
 * Progress on stderr while a big file is validated: one redrawn line on a terminal (at most
 * 10 a second), otherwise a line at most every second, so logs of scripted runs stay short.
 */
function validateProgress(
  io: CliIo,
  file: string,
  size: number,
): { update: (progress: PipelineProgress) => void; finish: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update: (progress) => {
      const now = io.now();
      if (size < PROGRESS_MIN_BYTES || now - last < (io.interactive ? 100 : 1000)) {
        return;
      }
      last = now;
      const percent = Math.min(100, Math.floor((progress.bytesRead / progress.totalBytes) * 100));
      const line = `validating ${file}: ${progress.rows} rows (${percent}%)`;
      if (io.interactive) {
        io.stderr(`\r\u001b[2K${line}`);
        drawn = true;
      } else {
        io.stderr(`${line}\n`);
      }
    },
    finish: () => {
      if (drawn) {
        io.stderr('\n');
      }
    },
  };
}
