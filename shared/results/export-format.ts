import { z } from 'zod';

/** The file formats batchline exports: CSV (the canonical run artefact) or XLSX. */
export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The media type a download of each format announces. */
export const EXPORT_MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Which sheet of a run is exported: every row with its outcome, or the rows to redo. */
export type ResultsExportKind = 'results' | 'failed-rows';

/**
 * The name a results download suggests: the source file's name without its extension, then
 * what it holds: "hr-export-results.xlsx", "hr-export-failed-rows.csv".
 */
export function resultsFileName(
  sourceFileName: string,
  which: ResultsExportKind,
  format: ExportFormat,
): string {
  const base = sourceFileName.replace(/\.[^.]+$/, '') || 'batchline';
  return `${base}-${which}.${format}`;
}

/** The name a template download suggests: "batchline-zoom-users-template.xlsx". */
export function templateFileName(target: string, kind: string, format: ExportFormat): string {
  return `batchline-${target}-${kind}-template.${format}`;
}

/** The name an export download suggests: "batchline-zoom-users-export-2026-11-24.csv". */
export function exportFileName(
  target: string,
  kind: string,
  format: ExportFormat,
  date: Date,
): string {
  return `batchline-${target}-${kind}-export-${date.toISOString().slice(0, 10)}.${format}`;
}

/**
 * Requests an export may send back to back before its rate applies: a sequential reader with a
 * burst of 1 loses each timer overshoot (measured 81% of the limit), 2 keeps it near 100%.
 */
export const EXPORT_BURST = 2;
