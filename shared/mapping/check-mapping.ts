import type { FieldDef } from '../datasets/dataset';
import type { Mapping } from '../datasets/targets';
import type { MappingIssue } from '../ipc/contract';
import { normaliseHeader } from './normalise-header';
import { resolveHeaderIndex } from './resolve-header';

/**
 * What checking a mapping needs of a dataset: its fields' names and whether they are required.
 * Narrow on purpose, so the renderer can check with the field list main sent it.
 */
export interface MappableDataset {
  title: string;
  fields: readonly Pick<FieldDef, 'key' | 'label' | 'required'>[];
}

/**
 * Every problem with a mapping of a file's headers to a dataset's fields.
 *
 * Blocking (severity error): a header that appears twice, also after normalising ("Email" and
 * " email "), since a mapping by header text could not tell the columns apart (papaparse would
 * have renamed one "email_1" behind the admin's back); a required field left unmapped; a
 * mapping to a header the file does not have (headers are found as resolveHeaderIndex
 * does, so "Work Email" finds "work email "); one header mapped to two fields. Warnings:
 * columns without a header (their cells are ignored), mapping entries for fields the
 * dataset does not have (ignored) and columns that look like a misspelt dotted field.
 */
export function checkMapping(
  headers: readonly string[],
  dataset: MappableDataset,
  mapping: Mapping,
): MappingIssue[] {
  const issues: MappingIssue[] = [...duplicateHeaderIssues(headers)];
  const empty = headers.flatMap((h, i) => (h.trim() === '' ? [i + 1] : []));
  if (empty.length > 0) {
    const which =
      empty.length === 1 ? `Column ${empty[0]} has` : `Columns ${empty.join(', ')} have`;
    issues.push({
      code: 'EMPTY_HEADER',
      severity: 'warning',
      message: `${which} no header; their cells are ignored`,
    });
  }

  const fieldsByColumn = new Map<number, string[]>();
  const known = new Set(dataset.fields.map((f) => f.key));
  for (const [field, header] of Object.entries(mapping)) {
    if (!known.has(field)) {
      issues.push({
        code: 'UNKNOWN_HEADER',
        severity: 'warning',
        field,
        header,
        message: `The mapping names a field "${field}" that ${dataset.title} does not have; it is ignored`,
      });
      continue;
    }
    if (header === '') {
      continue;
    }
    const column = resolveHeaderIndex(headers, header);
    if (column < 0) {
      // Several headers equal after normalising: DUPLICATE_HEADER above already says so.
      const ambiguous = headers.some((h) => normaliseHeader(h) === normaliseHeader(header));
      if (ambiguous) {
        continue;
      }
      issues.push({
        code: 'UNKNOWN_HEADER',
        severity: 'error',
        field,
        header,
        message: `The mapping reads ${field} from a column "${header}", but the file has no such column`,
      });
      continue;
    }
    fieldsByColumn.set(column, [...(fieldsByColumn.get(column) ?? []), field]);
  }

  for (const [column, fields] of fieldsByColumn) {
    const header = headers[column] ?? '';
    if (fields.length > 1) {
      issues.push({
        code: 'FIELD_MAPPED_TWICE',
        severity: 'error',
        header,
        field: fields[1],
        message: `Column "${header}" is mapped to ${fields.length} fields (${fields.join(', ')}); map it to one`,
      });
    }
  }

  issues.push(...strayColumnIssues(headers, dataset, fieldsByColumn));

  for (const field of dataset.fields) {
    const header = mapping[field.key];
    if (field.required && (header === undefined || header === '')) {
      issues.push({
        code: 'REQUIRED_UNMAPPED',
        severity: 'error',
        field: field.key,
        message: `Required field ${field.label} (${field.key}) is not mapped to any column`,
      });
    }
  }
  return issues;
}

/**
 * Unmapped columns named like a family of the dataset's dotted fields ("trunk.delete" beside
 * "trunk.view_only"): almost surely a misspelt field, whose cells would be silently dropped.
 * Other unmapped columns are normal (HR exports carry many) and get no warning.
 */
function strayColumnIssues(
  headers: readonly string[],
  dataset: MappableDataset,
  mapped: ReadonlyMap<number, string[]>,
): MappingIssue[] {
  const families = new Set(
    dataset.fields.flatMap((f) => {
      const dot = f.key.indexOf('.');
      return dot > 0 ? [f.key.slice(0, dot).toLowerCase()] : [];
    }),
  );
  if (families.size === 0) {
    return [];
  }
  return headers.flatMap((raw, column): MappingIssue[] => {
    const header = raw.trim();
    const dot = header.indexOf('.');
    const family = dot > 0 ? header.slice(0, dot).toLowerCase() : '';
    if (mapped.has(column) || !families.has(family)) {
      return [];
    }
    return [
      {
        code: 'UNKNOWN_HEADER',
        severity: 'warning',
        header,
        message: `Column "${header}" looks like a ${family} field, but ${dataset.title} has no field of that name; its cells are ignored`,
      },
    ];
  });
}

/**
 * Whether any issue blocks going on (severity error).
 *
 * Works for MappingIssues and RowIssues alike.
 */
export function hasBlockingIssues(issues: readonly { severity: 'error' | 'warning' }[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

function duplicateHeaderIssues(headers: readonly string[]): MappingIssue[] {
  const columnsByName = new Map<string, number[]>();
  headers.forEach((header, i) => {
    const name = normaliseHeader(header);
    if (name !== '') {
      columnsByName.set(name, [...(columnsByName.get(name) ?? []), i]);
    }
  });
  const issues: MappingIssue[] = [];
  for (const columns of columnsByName.values()) {
    if (columns.length < 2) {
      continue;
    }
    const texts = [...new Set(columns.map((i) => headers[i] ?? ''))];
    const where = `columns ${columns.map((i) => i + 1).join(', ')}`;
    const what =
      texts.length === 1
        ? `The header "${texts[0]}" appears ${columns.length} times (${where})`
        : `The headers ${texts.map((t) => `"${t}"`).join(', ')} are the same name written differently (${where})`;
    issues.push({
      code: 'DUPLICATE_HEADER',
      severity: 'error',
      header: texts[0],
      message: `${what}; rename or remove the extra columns so each header is unique`,
    });
  }
  return issues;
}
