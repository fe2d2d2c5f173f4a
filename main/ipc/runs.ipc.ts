import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { createPushAdapter } from '../services/connectors/push-adapters';
import { listRuns } from '../services/runs/list-runs';
import { RUN_FILES } from '../services/runs/run-files';
import { RunRecords } from '../services/runs/run-records';
import { resumeRun } from '../services/runs/resume-run';
import { readRunSource } from '../services/runs/run-source';
import { trackJob } from '../app/track-job';
import type { JobDeps } from './jobs.ipc';
import type { Handlers } from './router';
import { runDetailHandlers, runXlsxExport } from './run-detail.ipc';
import { viewOf } from './run-view';

/**
 * The Runs page: every run in the shared runs folder (the app's and the CLI's), one run
 * opened with its rows, resuming a stopped, cancelled or interrupted one as a job, and its
 * result files again (CSV as kept with the run, or XLSX).
 */
export function runHandlers(
  deps: JobDeps,
): Pick<Handlers, 'runs:list' | 'runs:get' | 'runs:rows' | 'runs:resume' | 'runs:export'> {
  const runsDir = join(deps.dataDir, 'runs');
  const records = new RunRecords(runsDir);
  return {
    ...runDetailHandlers(deps, runsDir, records),

    async 'runs:list'() {
      const manifests = await listRuns(runsDir);
      return {
        runs: await Promise.all(manifests.map((manifest) => viewOf(manifest, runsDir, deps))),
      };
    },

    async 'runs:resume'({ runId }) {
      const manifests = await listRuns(runsDir);
      const manifest = manifests.find((candidate) => candidate.runId === runId);
      if (!manifest) {
        throw new AppError('NOT_FOUND', `No run ${runId}.`);
      }
      // Resume through the connection the run used (the Sandbox's address changes per launch).
      const entry = deps.connections.require(manifest.connectionId ?? '', manifest.target);
      const table = await readRunSource(join(runsDir, runId, RUN_FILES.source));
      const jobId = trackJob(deps, table, ({ signal, onProgress, onRunId }) => {
        onRunId(runId);
        return resumeRun({
          runsDir,
          runId,
          adapterFor: (current) =>
            createPushAdapter(
              current.target,
              current.kind,
              entry.connection,
              current.adapterOptions,
            ),
          maxRps: entry.maxRps,
          signal,
          onProgress,
        });
      });
      return { jobId };
    },

    async 'runs:export'({ runId, which, format = 'csv' }) {
      if (format === 'xlsx') {
        return runXlsxExport(await records.get(runId), which);
      }
      const file = which === 'all' ? RUN_FILES.results : RUN_FILES.failed;
      let content: string;
      try {
        content = await readFile(join(runsDir, runId, file), 'utf8');
      } catch {
        throw new AppError(
          'NOT_FOUND',
          which === 'all' ? `Run ${runId} has no results yet.` : `Run ${runId} has no failed rows.`,
        );
      }
      return {
        fileName: `${runId}-${which === 'all' ? 'results' : 'failed-rows'}.csv`,
        mimeType: 'text/csv',
        encoding: 'utf8',
        content,
      };
    },
  };
}
