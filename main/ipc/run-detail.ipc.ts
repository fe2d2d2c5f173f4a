import { AppError } from '../../shared/errors';
import type { ExportedFile } from '../../shared/ipc/contract';
import { maskSecrets, secretColumnsFor } from '../../shared/datasets/secret-columns';
import { finishedAtOf } from '../../shared/results/results-summary';
import { buildResultsTable, failedRowsTable } from '../../shared/results/results-table';
import { xlsxDownload } from '../services/files/write-download';
import { failedRowsSheets, resultsSheets } from '../services/files/xlsx-writer/results-workbook';
import type { RunRecord, RunRecords } from '../services/runs/run-records';
import type { JobDeps } from './jobs.ipc';
import type { Handlers } from './router';
import { viewOf } from './run-view';

/**
 * The address a run pushed to, as the detail view may show it: no user name, password,
 * query or fragment (a base URL typed with credentials in it must not reach the screen).
 */
export function displayBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '';
  }
}

/**
 * The Runs page's detail view: one run's summary and counts, and its rows with their
 * outcomes a page at a time, read from the run folder (see run-records.ts).
 */
export function runDetailHandlers(
  deps: Pick<JobDeps, 'jobs' | 'connections'>,
  runsDir: string,
  records: RunRecords,
): Pick<Handlers, 'runs:get' | 'runs:rows'> {
  return {
    async 'runs:get'({ runId }) {
      const record = await records.get(runId);
      const { manifest, table } = record;
      const connection = deps.connections.views().find((view) => view.id === manifest.connectionId);
      return {
        run: await viewOf(manifest, runsDir, deps),
        baseUrl: displayBaseUrl(manifest.baseUrl),
        ...(connection ? { connectionLabel: connection.label } : {}),
        ...(table.sheet ? { sheet: table.sheet } : {}),
        total: table.rows.length,
        counts: record.counts,
        requests: record.requests,
        retries: record.retries,
        durationMs: record.durationMs,
        headers: table.headers,
        columnWidths: record.columnWidths,
        lastRow: table.rows.reduce((largest, row) => Math.max(largest, row.row), 0),
      };
    },

    async 'runs:rows'({ runId, offset, limit, status }) {
      const record = await records.get(runId);
      const { manifest, table } = record;
      // Passwords and PINs never leave main from a run: the renderer gets SECRET_MASK instead.
      const hidden = secretColumnsFor(
        manifest.target,
        manifest.kind,
        manifest.mapping,
        table.headers,
      );
      const indexes = status ? record.indexesOf(status) : undefined;
      const total = indexes ? indexes.length : record.outcomes.length;
      const rows = [];
      for (let i = offset; i < Math.min(total, offset + limit); i++) {
        const index = indexes ? (indexes[i] ?? 0) : i;
        const outcome = record.outcomes[index];
        const source = record.table.rows[index];
        if (outcome && source) {
          rows.push({ ...outcome, cells: maskSecrets(source.cells, hidden.indexes) });
        }
      }
      return { total, rows };
    },
  };
}

/**
 * A run's results (or failed rows) as an XLSX workbook, from its saved sheet and journal:
 * the same rows and columns as its results.csv, with a Summary sheet.
 */
export async function runXlsxExport(
  record: RunRecord,
  which: 'all' | 'failed',
): Promise<ExportedFile> {
  const { manifest, table, results } = record;
  const { runId, summary } = manifest;
  const hidden = secretColumnsFor(
    manifest.target,
    manifest.kind,
    manifest.mapping,
    table.headers,
  ).indexes;
  if (!summary) {
    throw new AppError('NOT_FOUND', `Run ${runId} has no results yet.`);
  }
  if (which === 'failed') {
    const sheet = failedRowsTable(table, results, hidden);
    if (sheet.rows.length === 0) {
      throw new AppError('NOT_FOUND', `Run ${runId} has no failed rows.`);
    }
    return xlsxDownload(`${runId}-failed-rows.xlsx`, failedRowsSheets(sheet));
  }
  const sheet = buildResultsTable(table, results, hidden);
  return xlsxDownload(
    `${runId}-results.xlsx`,
    resultsSheets(sheet, {
      ...summary,
      target: manifest.target,
      kind: manifest.kind,
      fileName: manifest.fileName,
      finishedAt: finishedAtOf(manifest.createdAt, summary.durationMs),
    }),
  );
}
