import { useCallback, useRef, useState } from 'react';
import type { SerializedAppError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { safeCall } from './safe-call';

/** State and runner for bridge calls made from one screen or flow. */
export interface BridgeCall {
  /** What is under way ("Reading the file…"), or null when idle. */
  busy: string | null;
  /** The last failure, until dismissed or the next call starts. */
  error: SerializedAppError | null;
  /** Re-runs the call that failed; null when there is nothing to retry. */
  retry: (() => void) | null;
  dismiss: () => void;
  /** Shows an error found before any call was made (a file too large to send). */
  fail: (error: SerializedAppError) => void;
  /**
   * Runs `call` with `label` as the busy text; hands the value to `onOk`, or keeps the
   * error for the banner. Ignored while another call of this runner is under way.
   */
  run: <T>(label: string, call: () => Promise<Result<T>>, onOk: (value: T) => void) => void;
}

/** One call, ready to run again: resolves to its error, or null once `onOk` has run. */
interface Attempt {
  label: string;
  perform: () => Promise<SerializedAppError | null>;
}

/**
 * One busy flag, one error and one retry for a sequence of bridge calls.
 *
 * Never throws and never rejects: every outcome ends up in `error` or in `onOk`.
 */
export function useBridgeCall(): BridgeCall {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<SerializedAppError | null>(null);
  const [failed, setFailed] = useState<Attempt | null>(null);
  const inFlight = useRef(false);

  const start = useCallback((attempt: Attempt) => {
    if (inFlight.current) {
      return;
    }
    inFlight.current = true;
    setBusy(attempt.label);
    setError(null);
    setFailed(null);
    void attempt.perform().then((failure) => {
      inFlight.current = false;
      setBusy(null);
      if (failure) {
        setError(failure);
        setFailed(attempt);
      }
    });
  }, []);

  const run = useCallback(
    <T>(label: string, call: () => Promise<Result<T>>, onOk: (value: T) => void) =>
      start({
        label,
        perform: async () => {
          const result = await safeCall(call);
          if (!result.ok) {
            return result.error;
          }
          onOk(result.value);
          return null;
        },
      }),
    [start],
  );

  const dismiss = useCallback(() => {
    setError(null);
    setFailed(null);
  }, []);

  const fail = useCallback((failure: SerializedAppError) => {
    setError(failure);
    setFailed(null);
  }, []);

  const retry = useCallback(() => failed && start(failed), [failed, start]);
  return { busy, error, retry: failed ? retry : null, dismiss, fail, run };
}
