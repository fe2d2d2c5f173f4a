import { useEffect, useState } from 'react';
import type { JobState } from '../../../../shared/ipc/contract';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ProgressBar } from '../../../components/ProgressBar';
import { StepFooter } from '../../../components/StepFooter';
import { useJobProgress } from './use-job-progress';

/** Props of {@link RunStep}. */
export interface RunStepProps {
  jobId: string;
  /** "users" */
  noun: string;
  destination: string;
  onFinished: (job: JobState) => void;
}

function useSecondsUntil(timestamp: number | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timestamp === undefined) {
      return undefined;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [timestamp]);
  return timestamp === undefined || timestamp <= now ? null : Math.ceil((timestamp - now) / 1000);
}

/**
 * Step 4: the push under way. Progress, pace and retries; Cancel stops after the requests
 * already sent have answered, and the results screen then shows what was done.
 */
export function RunStep({ jobId, noun, destination, onFinished }: RunStepProps) {
  const { progress, error, cancelling, cancel } = useJobProgress(jobId, onFinished);
  const waitSeconds = useSecondsUntil(progress?.waitingUntil);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;

  return (
    <section className="step" aria-labelledby="run-title">
      <header className="step-header">
        <h1 tabIndex={-1} id="run-title">
          Pushing {noun} to {destination}
        </h1>
        <p className="step-lead">
          You can keep this window open; every step is written to the run journal, so a stopped run
          can be resumed.
        </p>
      </header>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="run-panel panel">
        <div className="run-figures">
          <span className="run-percent" aria-hidden="true">
            {percent}%
          </span>
          <span data-testid="run-rows">
            {progress ? `${done.toLocaleString()} of ${total.toLocaleString()} rows` : 'Starting…'}
          </span>
        </div>
        <ProgressBar
          value={done}
          max={total}
          label={`Pushing ${noun}`}
          valueText={`${done} of ${total} rows`}
        />
        <dl className="facts facts-inline">
          <dt>Requests per second</dt>
          <dd data-testid="run-rps">{(progress?.requestsPerSecond ?? 0).toFixed(1)}</dd>
          <dt>Requests</dt>
          <dd>{(progress?.requests ?? 0).toLocaleString()}</dd>
          <dt>Retries</dt>
          <dd data-testid="run-retries">{(progress?.retries ?? 0).toLocaleString()}</dd>
        </dl>
        <p className="muted run-status" aria-live="polite">
          {cancelling
            ? 'Cancelling: waiting for requests already sent to answer…'
            : waitSeconds !== null
              ? `Rate limited by ${destination}: resuming in ${waitSeconds}s.`
              : null}
        </p>
      </div>
      <StepFooter
        onBack={() => undefined}
        backDisabled
        backHint="A push is running: cancel it first."
      >
        <button
          type="button"
          className="btn btn-danger"
          onClick={cancel}
          disabled={cancelling}
          data-testid="cancel-run"
        >
          {cancelling ? 'Cancelling…' : 'Cancel push'}
        </button>
      </StepFooter>
    </section>
  );
}
