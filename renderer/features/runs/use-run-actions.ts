import { useCallback, useRef, useState } from 'react';
import type { SerializedAppError } from '../../../shared/errors';
import type { JobState } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import type { ExportFormat } from '../../../shared/results/export-format';
import { downloadFile } from '../../app/download-file';
import { safeCall } from '../../app/safe-call';
import { useApi } from '../../app/use-api';

/** What a run's buttons can start. */
export type RunAction = 'resume' | 'export-all' | 'export-failed';

/** A call under way for one run. */
export interface RunBusy {
  runId: string;
  action: RunAction;
}

/** A failure, kept beside the run it belongs to. */
export interface RunError {
  runId: string;
  error: SerializedAppError;
}

/** The Runs page's actions and what it remembers about the jobs it started. */
export interface RunActions {
  busy: RunBusy | null;
  error: RunError | null;
  /** runId → the job this page resumed it as (main may still name an older job). */
  resumed: ReadonlyMap<string, string>;
  /** Jobs seen to end: never followed again. */
  ended: ReadonlySet<string>;
  resume: (runId: string) => void;
  /** Saves the run's results or failed rows: CSV (the file kept with the run) by default. */
  exportFile: (runId: string, which: 'all' | 'failed', format?: ExportFormat) => void;
  /** A followed job ended: remember it, keep its error, reload the list. */
  jobEnded: (runId: string, job: JobState) => void;
  dismiss: () => void;
}

/**
 * Resume and export for the Runs page: one call at a time, its error kept for the run's
 * banner (never thrown), and `onChanged` called when the list is worth reloading.
 */
export function useRunActions(onChanged: () => void): RunActions {
  const api = useApi();
  const [busy, setBusy] = useState<RunBusy | null>(null);
  const [error, setError] = useState<RunError | null>(null);
  const [resumed, setResumed] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [ended, setEnded] = useState<ReadonlySet<string>>(() => new Set());
  const inFlight = useRef(false);

  const perform = useCallback(
    <T>(
      runId: string,
      action: RunAction,
      call: () => Promise<Result<T>>,
      onOk: (value: T) => void,
    ) => {
      if (inFlight.current) {
        return;
      }
      inFlight.current = true;
      setBusy({ runId, action });
      setError(null);
      void safeCall(call).then((result) => {
        inFlight.current = false;
        setBusy(null);
        if (result.ok) {
          onOk(result.value);
        } else {
          setError({ runId, error: result.error });
        }
      });
    },
    [],
  );

  const resume = useCallback(
    (runId: string) =>
      perform(
        runId,
        'resume',
        () => api.runs.resume({ runId }),
        ({ jobId }) => {
          setResumed((previous) => new Map(previous).set(runId, jobId));
          onChanged();
        },
      ),
    [api, onChanged, perform],
  );

  const exportFile = useCallback(
    (runId: string, which: 'all' | 'failed', format: ExportFormat = 'csv') =>
      perform(
        runId,
        which === 'all' ? 'export-all' : 'export-failed',
        () => api.runs.export({ runId, which, format }),
        downloadFile,
      ),
    [api, perform],
  );

  const jobEnded = useCallback(
    (runId: string, job: JobState) => {
      setEnded((previous) => new Set(previous).add(job.jobId));
      if (job.error) {
        setError({ runId, error: job.error });
      }
      onChanged();
    },
    [onChanged],
  );

  const dismiss = useCallback(() => setError(null), []);
  return { busy, error, resumed, ended, resume, exportFile, jobEnded, dismiss };
}
