import type { z } from 'zod';
import type { DatasetDef, MappedRecord } from '../datasets/dataset';
import type { RowIssue } from '../table/row-issue';
import type { MappedColumn } from './mapped-columns';
import { recordParserOf } from './record-parser';

/**
 * Checks one readable row: pushes its issues (errors, or warnings when it passed) onto
 * `issues` and returns the payload, or undefined when the row has an error.
 */
export type RowCheck<P> = (
  row: number,
  cells: readonly string[],
  issues: RowIssue[],
) => P | undefined;

/**
 * The per-row half of validation, shared by validateTable and the pipeline's workers so both
 * give the same issues: the mapped cells, trimmed (empty → absent), go through the dataset's
 * `recordSchema` (the schema of record); each zod issue becomes a RowIssue on the source
 * column it came from; a row that passes gets the dataset's warnings.
 */
export function createRowCheck<P>(
  dataset: DatasetDef<P>,
  columns: readonly MappedColumn[],
): RowCheck<P> {
  const headerOf = new Map(columns.map((c) => [c.key, c.header]));
  const schema = dataset.recordSchema;
  const direct = recordParserOf(dataset);
  const passed = (row: number, record: MappedRecord, payload: P, issues: RowIssue[]): P => {
    for (const warning of dataset.warningsOf?.(record, payload) ?? []) {
      issues.push({
        row,
        column: headerOf.get(warning.field) ?? null,
        severity: 'warning',
        ...warning,
      });
    }
    return payload;
  };
  return (row, cells, issues) => {
    // Every mapped key is set, to undefined when empty ("absent" to the dataset, which tests
    // `=== undefined`): all records then share one shape, which keeps the dataset's property
    // reads monomorphic; skipping empty cells made a different shape per pattern of blanks.
    const record: MappedRecord = {};
    for (const column of columns) {
      const text = cells[column.index]?.trim();
      record[column.key] = text === '' ? undefined : text;
    }
    if (direct) {
      const parsed = direct(record);
      if (parsed.success) {
        return passed(row, record, parsed.data, issues);
      }
      for (const { field, code, message } of parsed.problems) {
        // What toRowIssue makes of the schema's custom issue for this problem.
        issues.push({
          row,
          column: headerOf.get(field) ?? null,
          field,
          code,
          message,
          severity: 'error',
        });
      }
      return undefined;
    }
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      return passed(row, record, parsed.data, issues);
    }
    for (const zodIssue of parsed.error.issues) {
      issues.push(toRowIssue(row, zodIssue, headerOf));
    }
    return undefined;
  };
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
