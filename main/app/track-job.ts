import { toSerializedError } from '../../shared/errors';
import type { JobEvent } from '../../shared/ipc/contract';
import type { RunProgress } from '../../shared/jobs/run-types';
import type { SourceTable } from '../../shared/table/source-table';
import type { RunOutcome } from '../services/runs/push-and-finish';
import type { Logger } from '../lib/logger';
import { throttleLatest } from '../lib/throttle';
import type { JobRegistry } from './job-registry';

/** What starting a push needs from the job: its cancel signal and a progress sink. */
export interface JobHooks {
  signal: AbortSignal;
  onProgress: (progress: RunProgress) => void;
  onRunId: (runId: string) => void;
}

/**
 * Runs a push (fresh or resumed) as an app job: registers it, sends progress to the UI a
 * few times a second, and turns the outcome into the job's final state and one event.
 * Answers with the job id at once; the push goes on in the background.
 */
export function trackJob(
  deps: { jobs: JobRegistry; emit: (event: JobEvent) => void; log: Logger },
  table: SourceTable,
  run: (hooks: JobHooks) => Promise<RunOutcome>,
): string {
  const { jobId, record } = deps.jobs.create(table, table.rows.length);
  const progress = throttleLatest((value: RunProgress) => {
    record.state = { ...record.state, progress: value };
    deps.emit({ type: 'progress', jobId, progress: value });
  }, 200);
  run({
    signal: record.controller.signal,
    onProgress: (value) => progress.push(value),
    onRunId: (runId) => {
      record.runId = runId;
    },
  }).then(
    ({ summary, results, stopped, runId, hidden }) => {
      progress.flush();
      record.runId = runId;
      record.hidden = hidden;
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
      deps.log.info('job.finished', { jobId, ...summary });
    },
    (caught: unknown) => {
      progress.flush();
      const error = toSerializedError(caught);
      record.state = { ...record.state, state: 'failed', error };
      deps.emit({ type: 'failed', jobId, error });
      deps.log.error('job.failed', { jobId, code: error.code, message: error.message });
    },
  );
  return jobId;
}
