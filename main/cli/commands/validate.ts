import { resolve } from 'node:path';
import { validateTable } from '../../../shared/validation/validate-table';
import type { RowIssue } from '../../../shared/table/row-issue';
import { writeTableFile } from '../../services/files/write-table-file';
import { stringOption, type ParsedCommand } from '../cli-args';
import type { CliIo } from '../cli-io';
import { loadSheet } from '../load-sheet';

const SHOWN_ISSUES = 50;

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

/**
 * `batchline validate FILE`: read, map and check every row offline; print the problems with
 * row and column. Exit 0 when every row is valid, 1 when some are not.
 */
export async function validateCommand(parsed: ParsedCommand, io: CliIo): Promise<number> {
  const sheet = await loadSheet(parsed.file ?? '', io.cwd, {
    target: parsed.target,
    kind: parsed.kind,
    sheet: stringOption(parsed, 'sheet'),
    mapFile: stringOption(parsed, 'map'),
    country: stringOption(parsed, 'country'),
  });
  const validated = validateTable(sheet.table, sheet.dataset, sheet.mapping);
  const issues = validated.rows.flatMap((row) => row.issues);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const report = stringOption(parsed, 'report');
  if (report) {
    await writeIssueReport(resolve(io.cwd, report), issues);
  }
  const { counts } = validated;
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
    const skipped =
      sheet.table.skippedEmpty > 0 ? ` · ${sheet.table.skippedEmpty} empty rows skipped` : '';
    io.stdout(
      `${parsed.file}: ${counts.total} rows · ${counts.valid} valid · ${counts.invalid} invalid · ${counts.warnings} with warnings${skipped}\n`,
    );
    for (const issue of issues.slice(0, SHOWN_ISSUES)) {
      io.stdout(
        `  ${issue.severity === 'error' ? 'error  ' : 'warning'} ${describeIssue(issue)}\n`,
      );
    }
    if (issues.length > SHOWN_ISSUES) {
      io.stdout(
        `  … and ${issues.length - SHOWN_ISSUES} more${report ? '' : ' (write them all with --report FILE)'}\n`,
      );
    }
    if (report) {
      io.stdout(`report written to ${report}\n`);
    }
  }
  return counts.invalid > 0 ? 1 : 0;
}
