import type { z } from 'zod';
import type { DatasetDef, MappedRecord } from '../datasets/dataset';
import type { Mapping } from '../datasets/targets';
import type { ValidationCounts } from '../jobs/run-types';
import type { RowIssue } from '../table/row-issue';
import type { SourceTable } from '../table/source-table';
import { resolveHeaderIndex } from '../mapping/resolve-header';
import { findDuplicates } from './find-duplicates';

/** One source row after validation; `payload` is there only when the row has no error. */
export interface ValidatedRow<P = unknown> {
  row: number;
  cells: string[];
  payload?: P;
  issues: RowIssue[];
}

/** A validated sheet: every source row once, in order, with the counts and all row issues. */
export interface ValidatedTable<P = unknown> {
  rows: ValidatedRow<P>[];
  counts: ValidationCounts;
  /** Every issue of every row, in row order (the CLI's validate --json `errors`). */
  issues: RowIssue[];
}

/** A mapped field and the column it is read from. */
interface MappedColumn {
  key: string;
  header: string;
  index: number;
}

/**
 * Validates every row of a table against a dataset, with the given mapping.
 *
 * Per row: the mapped cells, trimmed (empty → absent), go through `recordSchema`; each zod
 * issue becomes a RowIssue on the source column it came from. Reading errors of the row
 * (ragged, broken quotes) make it invalid without running the schema, whose messages would
 * be about misaligned cells. Then cross-row: for each unique field, every repeat of a value
 * after its first row is an error naming that row. A row failing never stops the others.
 */
export function validateTable<P>(
  table: SourceTable,
  dataset: DatasetDef<P>,
  mapping: Mapping,
): ValidatedTable<P> {
  const columns = mappedColumns(table.headers, dataset, mapping);
  const headerOf = new Map(columns.map((c) => [c.key, c.header]));
  const readIssues = groupByRow(table.issues);
  const rows: ValidatedRow<P>[] = new Array<ValidatedRow<P>>(table.rows.length);

  for (let r = 0; r < table.rows.length; r++) {
    const source = table.rows[r]!;
    const issues: RowIssue[] = readIssues.get(source.row) ?? [];
    const validated: ValidatedRow<P> = { row: source.row, cells: source.cells, issues };
    rows[r] = validated;
    if (issues.some((issue) => issue.severity === 'error')) {
      continue;
    }
    const record: MappedRecord = {};
    for (const column of columns) {
      const text = source.cells[column.index]?.trim();
      if (text) {
        record[column.key] = text;
      }
    }
    const parsed = dataset.recordSchema.safeParse(record);
    if (parsed.success) {
      validated.payload = parsed.data;
      for (const warning of dataset.warningsOf?.(record, parsed.data) ?? []) {
        issues.push({
          row: source.row,
          column: headerOf.get(warning.field) ?? null,
          severity: 'warning',
          ...warning,
        });
      }
    } else {
      for (const zodIssue of parsed.error.issues) {
        issues.push(toRowIssue(source.row, zodIssue, headerOf));
      }
    }
  }

  for (const duplicate of findDuplicates(table, dataset.uniqueFields, columns, readIssues)) {
    const target = rows[duplicate.rowIndex]!;
    target.issues.push(duplicate.issue);
    delete target.payload;
  }
  return summarise(rows);
}

function mappedColumns<P>(
  headers: readonly string[],
  dataset: DatasetDef<P>,
  mapping: Mapping,
): MappedColumn[] {
  const columns: MappedColumn[] = [];
  for (const field of dataset.fields) {
    const wanted = mapping[field.key];
    const index = wanted === undefined || wanted === '' ? -1 : resolveHeaderIndex(headers, wanted);
    if (index >= 0) {
      // Issues name the header as the file spells it, whatever the mapping wrote.
      columns.push({ key: field.key, header: headers[index] ?? wanted ?? '', index });
    }
  }
  return columns;
}

function groupByRow(issues: readonly RowIssue[]): Map<number, RowIssue[]> {
  const byRow = new Map<number, RowIssue[]>();
  for (const issue of issues) {
    const list = byRow.get(issue.row);
    if (list) {
      list.push(issue);
    } else {
      byRow.set(issue.row, [issue]);
    }
  }
  return byRow;
}

function toRowIssue(
  row: number,
  issue: z.core.$ZodIssue,
  headerOf: ReadonlyMap<string, string>,
): RowIssue {
  const first = issue.path[0];
  const field = typeof first === 'string' ? first : undefined;
  const params =
    issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined) : undefined;
  const code =
    typeof params?.code === 'string' ? params.code : `INVALID_${issue.code.toUpperCase()}`;
  const column = field === undefined ? null : (headerOf.get(field) ?? null);
  // Dataset messages name their field already; zod's own generic ones do not.
  const message =
    issue.code === 'custom' || field === undefined ? issue.message : `${field}: ${issue.message}`;
  return field === undefined
    ? { row, column, code, message, severity: 'error' }
    : { row, column, field, code, message, severity: 'error' };
}

function summarise<P>(rows: ValidatedRow<P>[]): ValidatedTable<P> {
  let valid = 0;
  let warnings = 0;
  const issues: RowIssue[] = [];
  for (const row of rows) {
    if (row.payload !== undefined) {
      valid++;
    }
    if (row.issues.length > 0) {
      if (row.issues.some((issue) => issue.severity === 'warning')) {
        warnings++;
      }
      for (const issue of row.issues) {
        issues.push(issue);
      }
    }
  }
  return {
    rows,
    counts: { total: rows.length, valid, invalid: rows.length - valid, warnings },
    issues,
  };
}
