import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { JobState } from '../../../../shared/ipc/contract';
import type { RunProgress } from '../../../../shared/jobs/run-types';
import type { SerializedAppError } from '../../../../shared/errors';
import { useApi } from '../../../app/use-api';
import { safeCall } from '../../../app/safe-call';

/** How often `jobs:get` is asked while a job runs, in case an event was missed. */
const POLL_INTERVAL_MS = 1_000;

/** A running job as the run screen sees it. */
export interface JobProgressView {
  progress: RunProgress | null;
  /** The last failed poll or cancel; the job may still be running. */
  error: SerializedAppError | null;
  cancelling: boolean;
  cancel: () => void;
}

/**
 * Follows one job until it ends, then hands its final state (with row results) to `onFinished`.
 *
 * Job events drive the screen; a `jobs:get` poll every second is the fallback for a missed
 * or unsupported event stream, and also fetches the row results a `completed` event leaves
 * out. `onFinished` is called at most once per job.
 */
export function useJobProgress(
  jobId: string,
  onFinished: (job: JobState) => void,
): JobProgressView {
  const api = useApi();
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [error, setError] = useState<SerializedAppError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const finished = useRef(false);

  const settle = useEffectEvent((job: JobState) => {
    setProgress(job.progress);
    if (job.state !== 'running' && !finished.current) {
      finished.current = true;
      onFinished(job);
    }
  });

  useEffect(() => {
    finished.current = false;
    let live = true;
    let polling = false;
    const poll = () => {
      if (polling || !live || finished.current) {
        return;
      }
      polling = true;
      void safeCall(() => api.jobs.get({ jobId })).then((result) => {
        polling = false;
        if (!live) {
          return;
        }
        if (result.ok) {
          setError(null);
          settle(result.value);
        } else {
          setError(result.error);
        }
      });
    };
    const unsubscribe = api.onJobEvent((event) => {
      if (event.jobId !== jobId || !live) {
        return;
      }
      if (event.type === 'progress') {
        setProgress(event.progress);
      } else {
        poll();
      }
    });
    poll();
    const timer = window.setInterval(poll, POLL_INTERVAL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [api, jobId]);

  const cancel = useCallback(() => {
    setCancelling(true);
    void safeCall(() => api.jobs.cancel({ jobId })).then((result) => {
      if (!result.ok) {
        setCancelling(false);
        setError(result.error);
      }
    });
  }, [api, jobId]);

  return { progress, error, cancelling, cancel };
}
