import { join } from 'node:path';
import { AppError, toSerializedError } from '../../shared/errors';
import type { JobEvent } from '../../shared/ipc/contract';
import { checkMapping } from '../../shared/mapping/suggest-mapping';
import { toCsv } from '../../shared/csv/write-csv';
import { buildResultsTable, failedRowsTable } from '../../shared/results/results-table';
import { createPushAdapter } from '../services/connectors/push-adapters';
import { executeRun } from '../services/runs/execute-run';
import type { ConnectionRegistry } from '../app/connections';
import type { JobRegistry } from '../app/job-registry';
import type { OpenFiles } from '../app/open-files';
import type { Logger } from '../lib/logger';
import { throttleLatest } from '../lib/throttle';
import { requireDataset } from './import.ipc';
import type { Handlers } from './router';

export interface JobDeps {
  files: OpenFiles;
  jobs: JobRegistry;
  connections: ConnectionRegistry;
  dataDir: string;
  emit: (event: JobEvent) => void;
  log: Logger;
}

/** Handlers that start, watch, cancel and export pushes. `jobs:start` answers at once. */
export function jobHandlers(
  deps: JobDeps,
): Pick<Handlers, 'jobs:start' | 'jobs:get' | 'jobs:cancel' | 'results:export'> {
  return {
    async 'jobs:start'({ target, kind, fileId, mapping, country, connectionId }) {
      const table = deps.files.get(fileId);
      const dataset = requireDataset(target, kind, country);
      const blocking = checkMapping(table.headers, dataset, mapping).filter(
        (issue) => issue.severity === 'error',
      );
      if (blocking.length > 0) {
        throw new AppError('MAPPING_INCOMPLETE', blocking.map((issue) => issue.message).join('; '));
      }
      const entry = deps.connections.require(connectionId, target);
      const { jobId, record } = deps.jobs.create(table, table.rows.length);
      const progress = throttleLatest((value: typeof record.state.progress) => {
        record.state = { ...record.state, progress: value };
        deps.emit({ type: 'progress', jobId, progress: value });
      }, 200);
      const run = executeRun({
        dataset,
        table,
        mapping,
        adapter: createPushAdapter(target, kind, entry.connection),
        baseUrl: entry.connection.baseUrl,
        runsDir: join(deps.dataDir, 'runs'),
        maxRps: entry.maxRps,
        signal: record.controller.signal,
        onProgress: (value) => progress.push(value),
      });
      run.then(
        (outcome) => {
          progress.flush();
          const { summary, results, stopped } = outcome;
          if (!stopped) {
            record.state = { ...record.state, state: 'completed', summary, results };
            deps.emit({ type: 'completed', jobId, summary });
          } else if (stopped.code === 'CANCELLED') {
            record.state = { ...record.state, state: 'cancelled', summary, results };
            deps.emit({ type: 'cancelled', jobId });
          } else {
            record.state = {
              ...record.state,
              state: 'stopped',
              stopReason: stopped.reason,
              summary,
              results,
            };
            deps.emit({ type: 'stopped', jobId, summary, reason: stopped.reason });
          }
          deps.log.info('job.finished', { jobId, ...outcome.summary });
        },
        (caught: unknown) => {
          progress.flush();
          const error = toSerializedError(caught);
          record.state = { ...record.state, state: 'failed', error };
          deps.emit({ type: 'failed', jobId, error });
          deps.log.error('job.failed', { jobId, code: error.code, message: error.message });
        },
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

    async 'results:export'({ jobId, which }) {
      const record = deps.jobs.get(jobId);
      const results = record.state.results;
      if (!results) {
        throw new AppError('NOT_FOUND', 'This run has no results yet.');
      }
      const sheet =
        which === 'all'
          ? buildResultsTable(record.table, results)
          : failedRowsTable(record.table, results);
      const base = record.table.fileName.replace(/\.[^.]+$/, '');
      return {
        fileName: `${base}-${which === 'all' ? 'results' : 'failed-rows'}.csv`,
        mimeType: 'text/csv',
        content: toCsv(sheet.headers, sheet.rows),
      };
    },
  };
}
