import { useCallback, useEffect, useRef, useState } from 'react';
import type { SerializedAppError } from '../../../shared/errors';
import type { RunDetail } from '../../../shared/ipc/contract';
import { safeCall } from '../../app/safe-call';
import { useApi } from '../../app/use-api';
import { RUNNING_REFRESH_MS } from './runs-model';

/** One run as its detail view sees it. */
export interface RunDetailState {
  /** Null until the first answer. */
  detail: RunDetail | null;
  /** The last failed load; the previous detail (if any) stays shown. */
  error: SerializedAppError | null;
  refresh: () => void;
}

/**
 * Loads `runs:get` for one run: at once, on `refresh`, and every few seconds while the run
 * is running (its counts move). An older answer never replaces a newer one.
 */
export function useRunDetail(runId: string): RunDetailState {
  const api = useApi();
  const [detail, setDetail] = useState<RunDetail | null>(null);
  const [error, setError] = useState<SerializedAppError | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(() => {
    latest.current += 1;
    const ticket = latest.current;
    void safeCall(() => api.runs.get({ runId })).then((result) => {
      if (ticket !== latest.current) {
        return;
      }
      if (result.ok) {
        setDetail(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [api, runId]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const running = detail?.run.state === 'running';
  useEffect(() => {
    if (!running) {
      return undefined;
    }
    const timer = window.setInterval(refresh, RUNNING_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [running, refresh]);

  return { detail, error, refresh };
}
