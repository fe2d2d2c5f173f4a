import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import type { SerializedAppError } from '../../shared/errors';
import { safeCall } from './safe-call';
import { useApi } from './use-api';

/** The answer to `app:info`, or why there is none. */
export type AppInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'failed'; error: SerializedAppError };

/**
 * Asks main for the version, mode and connections once at start, with a way to ask again.
 *
 * The app counts as ready (data-app-ready) once this has answered, either way.
 */
export function useAppInfo(): {
  state: AppInfoState;
  reload: () => void;
  /** Asks again without going back to loading, so the views keep what they hold. */
  refresh: () => void;
} {
  const api = useApi();
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void safeCall(() => api.app.info({})).then((result) => {
      if (live) {
        setState(
          result.ok
            ? { status: 'ready', info: result.value }
            : { status: 'failed', error: result.error },
        );
      }
    });
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const refresh = useCallback(() => {
    void safeCall(() => api.app.info({})).then((result) => {
      // A failed refresh keeps what was shown: the change itself already succeeded.
      if (result.ok) {
        setState({ status: 'ready', info: result.value });
      }
    });
  }, [api]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload, refresh };
}
