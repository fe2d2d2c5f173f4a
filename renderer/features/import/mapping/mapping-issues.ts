import type { ImportPreview, MappingIssue } from '../../../../shared/ipc/contract';
import type { Mapping } from '../../../../shared/datasets/targets';

/** Issues about the file itself, which no choice on the mapping screen can fix. */
const FILE_LEVEL_CODES: ReadonlySet<MappingIssue['code']> = new Set([
  'DUPLICATE_HEADER',
  'EMPTY_HEADER',
]);

/**
 * The mapping problems to show while the admin edits the mapping, recomputed on each change.
 *
 * File-level issues (duplicate or empty headers) come from main's preview and stay; the
 * ones that depend on the mapping (required field without a column, a column used twice,
 * columns left out) are worked out here so the screen answers at once. Anything main said
 * when asked to validate is added on top, so its word is final.
 */
export function liveMappingIssues(
  preview: ImportPreview,
  mapping: Mapping,
  rejected: readonly MappingIssue[],
): MappingIssue[] {
  const issues = preview.mappingIssues.filter((issue) => FILE_LEVEL_CODES.has(issue.code));

  for (const field of preview.fields) {
    if (field.required && !mapping[field.key]) {
      issues.push({
        code: 'REQUIRED_UNMAPPED',
        field: field.key,
        severity: 'error',
        message: `${field.label} is required: choose the column that holds it.`,
      });
    }
  }

  const fieldsByHeader = new Map<string, string[]>();
  for (const field of preview.fields) {
    const header = mapping[field.key];
    if (header) {
      fieldsByHeader.set(header, [...(fieldsByHeader.get(header) ?? []), field.label]);
    }
  }
  for (const [header, labels] of fieldsByHeader) {
    if (labels.length > 1) {
      issues.push({
        code: 'FIELD_MAPPED_TWICE',
        header,
        severity: 'warning',
        message: `Column "${header}" is used for ${labels.join(' and ')}.`,
      });
    }
  }

  const unused = preview.headers.filter(
    (header) => header.trim() !== '' && !fieldsByHeader.has(header),
  );
  if (unused.length > 0) {
    const list = unused.map((header) => `"${header}"`).join(', ');
    issues.push({ code: 'UNKNOWN_HEADER', severity: 'warning', message: `Not imported: ${list}.` });
  }

  const seen = new Set(issues.map((issue) => issue.message));
  return [...issues, ...rejected.filter((issue) => !seen.has(issue.message))];
}

/** Whether any issue stops the admin from continuing. */
export function hasBlockingIssue(issues: readonly MappingIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Up to `limit` distinct non-empty sample values of one source column, for the mapping screen. */
export function sampleValues(
  preview: ImportPreview,
  header: string | undefined,
  limit = 3,
): string[] {
  if (!header) {
    return [];
  }
  const index = preview.headers.indexOf(header);
  if (index < 0) {
    return [];
  }
  const values = preview.sampleRows
    .map((cells) => (cells[index] ?? '').trim())
    .filter((value) => value !== '');
  return [...new Set(values)].slice(0, limit);
}
