import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { JobEvent } from '../../shared/ipc/contract';
import { checkMapping } from '../../shared/mapping/suggest-mapping';
import type { RunSummary } from '../../shared/jobs/run-types';
import { resultsFileName } from '../../shared/results/export-format';
import { finishedAtOf, type ResultsSummary } from '../../shared/results/results-summary';
import { buildResultsTable, failedRowsTable } from '../../shared/results/results-table';
import { createPushAdapter } from '../services/connectors/push-adapters';
import { csvDownload, xlsxDownload } from '../services/files/write-download';
import { failedRowsSheets, resultsSheets } from '../services/files/xlsx-writer/results-workbook';
import { executeRun } from '../services/runs/execute-run';
import { readManifest } from '../services/runs/run-files';
import type { ConnectionRegistry } from '../app/connections';
import type { JobRegistry } from '../app/job-registry';
import type { OpenFiles } from '../app/open-files';
import type { Logger } from '../lib/logger';
import { trackJob } from '../app/track-job';
import { requireDataset } from './import.ipc';
import { planHandlers } from './plan.ipc';
import { unreachableError } from './unreachable';
import type { Handlers } from './router';

export interface JobDeps {
  files: OpenFiles;
  jobs: JobRegistry;
  connections: ConnectionRegistry;
  dataDir: string;
  emit: (event: JobEvent) => void;
  log: Logger;
}

/**
 * Handlers that plan, start, watch, cancel and export pushes. `jobs:start` answers at once.
 */
export function jobHandlers(
  deps: JobDeps,
): Pick<
  Handlers,
  'import:plan' | 'import:planned' | 'jobs:start' | 'jobs:get' | 'jobs:cancel' | 'results:export'
> {
  return {
    ...planHandlers(deps),

    async 'jobs:start'({
      target,
      kind,
      fileId,
      mapping,
      country,
      connectionId,
      allowUpdates = true,
      confirmLarge = false,
      expectedPlan,
    }) {
      const table = deps.files.get(fileId);
      const dataset = requireDataset(target, kind, country);
      const blocking = checkMapping(table.headers, dataset, mapping).filter(
        (issue) => issue.severity === 'error',
      );
      if (blocking.length > 0) {
        throw new AppError('MAPPING_INCOMPLETE', blocking.map((issue) => issue.message).join('; '));
      }
      const entry = deps.connections.require(connectionId, target);
      const jobId = trackJob(deps, table, ({ signal, onProgress, onRunId }) =>
        executeRun({
          dataset,
          table,
          mapping,
          adapter: createPushAdapter(target, kind, entry.connection, entry.options),
          ...(entry.options ? { adapterOptions: entry.options } : {}),
          baseUrl: entry.connection.baseUrl,
          connectionId,
          ...(country ? { country } : {}),
          onStart: onRunId,
          runsDir: join(deps.dataDir, 'runs'),
          maxRps: entry.maxRps,
          allowUpdates,
          confirmLarge,
          ...(expectedPlan ? { expectedPlan } : {}),
          signal,
          onProgress,
        }).catch((caught: unknown) => {
          // Before anything is sent a push plans again; a target gone since the Plan step fails here.
          throw unreachableError(entry.view.label, caught) ?? caught;
        }),
      );
      return { jobId };
    },

    async 'jobs:get'({ jobId }) {
      return deps.jobs.get(jobId).state;
    },

    async 'jobs:cancel'({ jobId }) {
      const record = deps.jobs.get(jobId);
      if (record.state.state !== 'running') {
        return { cancelled: false };
      }
      record.controller.abort();
      return { cancelled: true };
    },

    async 'results:export'({ jobId, which, format }) {
      const record = deps.jobs.get(jobId);
      const { results, summary } = record.state;
      if (!results) {
        throw new AppError('NOT_FOUND', 'This run has no results yet.');
      }
      const all = which === 'all';
      const sheet = all
        ? buildResultsTable(record.table, results, record.hidden)
        : failedRowsTable(record.table, results, record.hidden);
      const fileName = resultsFileName(
        record.table.fileName,
        all ? 'results' : 'failed-rows',
        format,
      );
      if (format === 'csv') {
        return csvDownload(fileName, sheet.headers, sheet.rows);
      }
      if (!all) {
        return xlsxDownload(fileName, failedRowsSheets(sheet));
      }
      const facts = summary
        ? await resultsSummaryOf(join(deps.dataDir, 'runs'), summary, record.table.fileName)
        : undefined;
      return xlsxDownload(fileName, resultsSheets(sheet, facts));
    },
  };
}

/**
 * The run summary with its target, kind, file and end time, read from the run's manifest
 * (jobs:start keeps runs under <dataDir>/runs). A run folder that has gone leaves those
 * facts empty rather than failing the export.
 */
async function resultsSummaryOf(
  runsDir: string,
  summary: RunSummary,
  fileName: string,
): Promise<ResultsSummary> {
  try {
    const manifest = await readManifest(runsDir, summary.runId);
    return {
      ...summary,
      target: manifest.target,
      kind: manifest.kind,
      fileName: manifest.fileName,
      finishedAt: finishedAtOf(manifest.createdAt, summary.durationMs),
    };
  } catch {
    return { ...summary, target: '', kind: '', fileName, finishedAt: '' };
  }
}
