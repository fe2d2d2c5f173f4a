import { join } from 'node:path';
import type { RunView } from '../../shared/ipc/contract';
import type { RunManifest } from '../services/runs/run-files';
import { isRunLocked } from '../services/runs/run-lock';
import type { JobDeps } from './jobs.ipc';

/**
 * A run folder's manifest as the Runs page shows it: `interrupted` when the journal says
 * running but nobody pushes it, resumable when the app holds the connection it used, and
 * the live job of this session that pushes it, if any. Never a token or a path.
 */
export async function viewOf(
  manifest: RunManifest,
  runsDir: string,
  deps: Pick<JobDeps, 'jobs' | 'connections'>,
): Promise<RunView> {
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
