import type { ImportPreview, MappingIssue } from '../../../../shared/ipc/contract';
import type { Mapping } from '../../../../shared/datasets/targets';
import { checkMapping } from '../../../../shared/mapping/check-mapping';

/**
 * The mapping problems to show while the admin edits the mapping, recomputed on each change.
 *
 * The same check main runs (shared/mapping/check-mapping), on the field list main sent, so
 * the screen answers at once and says exactly what main will; plus a note of the columns
 * left out. Anything main said when asked to validate is added on top.
 */
export function liveMappingIssues(
  preview: ImportPreview,
  mapping: Mapping,
  rejected: readonly MappingIssue[],
): MappingIssue[] {
  const chosen = Object.fromEntries(Object.entries(mapping).filter(([, header]) => header !== ''));
  const issues = checkMapping(
    preview.headers,
    { title: 'this dataset', fields: preview.fields },
    chosen,
  );
  const used = new Set(Object.values(chosen));
  const unused = preview.headers.filter((header) => header.trim() !== '' && !used.has(header));
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
