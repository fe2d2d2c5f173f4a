import { useCallback, useEffect, useRef, useState } from 'react';
import type { SerializedAppError } from '../../../shared/errors';
import type { RunView } from '../../../shared/ipc/contract';
import { safeCall } from '../../app/safe-call';
import { useApi } from '../../app/use-api';
import { newestFirst, RUNNING_REFRESH_MS } from './runs-model';

/** The runs folder as the Runs page sees it. */
export interface RunsList {
  /** Newest first; null until the first answer. */
  runs: RunView[] | null;
  /** The last failed load; the previous list (if any) stays shown. */
  error: SerializedAppError | null;
  refresh: () => void;
}

/**
 * Loads `runs:list` while the page is `active`: at once, whenever the window regains focus
 * or becomes visible (a CLI run may have started meanwhile), and every few seconds while a
 * run is running. An older answer never replaces a newer one.
 */
export function useRuns(active: boolean): RunsList {
  const api = useApi();
  const [runs, setRuns] = useState<RunView[] | null>(null);
  const [error, setError] = useState<SerializedAppError | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(() => {
    latest.current += 1;
    const ticket = latest.current;
    void safeCall(() => api.runs.list({})).then((result) => {
      if (ticket !== latest.current) {
        return;
      }
      if (result.ok) {
        setRuns(newestFirst(result.value.runs));
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [api]);

  useEffect(() => {
    if (!active) {
      return undefined;
    }
    refresh();
    const onFocus = () => refresh();
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        refresh();
      }
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, refresh]);

  const anyRunning = runs?.some((run) => run.state === 'running') ?? false;
  useEffect(() => {
    if (!active || !anyRunning) {
      return undefined;
    }
    const timer = window.setInterval(refresh, RUNNING_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [active, anyRunning, refresh]);

  return { runs, error, refresh };
}
