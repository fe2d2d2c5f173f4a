import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { RunView } from '../../shared/ipc/contract';
import { createPushAdapter } from '../services/connectors/push-adapters';
import { listRuns } from '../services/runs/list-runs';
import { RUN_FILES, type RunManifest } from '../services/runs/run-files';
import { isRunLocked } from '../services/runs/run-lock';
import { resumeRun } from '../services/runs/resume-run';
import { readRunSource } from '../services/runs/run-source';
import { trackJob } from '../app/track-job';
import type { JobDeps } from './jobs.ipc';
import type { Handlers } from './router';

async function viewOf(manifest: RunManifest, runsDir: string, deps: JobDeps): Promise<RunView> {
  const live = deps.jobs.byRunId(manifest.runId);
  const running = live?.record.state.state === 'running';
  let state: RunView['state'] = manifest.state;
  if (state === 'running' && !running && !(await isRunLocked(join(runsDir, manifest.runId)))) {
    // The journal says running, yet nobody pushes it: the app or the CLI died mid-run.
    state = 'interrupted';
  }
  const open = state === 'stopped' || state === 'cancelled' || state === 'interrupted';
  const fromApp =
    manifest.connectionId !== undefined && deps.connections.has(manifest.connectionId);
  return {
    runId: manifest.runId,
    target: manifest.target,
    kind: manifest.kind,
    fileName: manifest.fileName,
    createdAt: manifest.createdAt,
    state,
    ...(manifest.stopReason ? { stopReason: manifest.stopReason } : {}),
    ...(manifest.summary ? { summary: manifest.summary } : {}),
    resumable: open && fromApp,
    ...(open && !fromApp
      ? {
          note: `Started from the command line: resume it there with "batchline resume ${manifest.runId}" (its credentials are not kept by the app).`,
        }
      : {}),
    ...(live ? { jobId: live.jobId } : {}),
  };
}

/**
 * The Runs page: every run in the shared runs folder (the app's and the CLI's), resuming a
 * stopped, cancelled or interrupted one as a job, and its result files again.
 */
export function runHandlers(
  deps: JobDeps,
): Pick<Handlers, 'runs:list' | 'runs:resume' | 'runs:export'> {
  const runsDir = join(deps.dataDir, 'runs');
  return {
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

    async 'runs:export'({ runId, which }) {
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
