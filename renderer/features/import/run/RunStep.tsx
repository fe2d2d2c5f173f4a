import { useEffect, useRef, useState } from 'react';
import type { JobState } from '../../../../shared/ipc/contract';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ProgressBar } from '../../../components/ProgressBar';
import { StepFooter } from '../../../components/StepFooter';
import { RunPaused } from './RunPaused';
import { paceOf, timeLeftOf } from './run-step-model';
import { useJobProgress } from './use-job-progress';

/** Props of {@link RunStep}. */
export interface RunStepProps {
  jobId: string;
  /** "users" */
  noun: string;
  destination: string;
  /** The job as it ended when the admin paused it; the step then offers Resume and Stop here. */
  paused: JobState | undefined;
  /** What the wizard is doing (resuming), or null. */
  busy: string | null;
  onFinished: (job: JobState) => void;
  onPaused: (job: JobState) => void;
  onResume: (runId: string) => void;
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
 * Step 5: the push under way, or paused. Progress, time left, pace against the connection's
 * limit and retries; Pause stops after the requests already sent have answered and leaves
 * the run resumable; Cancel stops it and shows the results of what was done.
 */
export function RunStep(props: RunStepProps) {
  const { paused } = props;
  const runId = paused?.summary?.runId;
  if (paused && runId) {
    return (
      <RunPaused
        runId={runId}
        noun={props.noun}
        destination={props.destination}
        busy={props.busy}
        onResume={() => props.onResume(runId)}
        onStop={() => props.onFinished(paused)}
      />
    );
  }
  return <RunProgressView {...props} />;
}

function RunProgressView({ jobId, noun, destination, onFinished, onPaused }: RunStepProps) {
  const [pausing, setPausing] = useState(false);
  // A pause is a cancel that leaves the run resumable: a job it stopped mid-run (cancelled,
  // with a run folder) becomes "paused"; one that ended anyway goes on to its results.
  const ended = (job: JobState) =>
    pausing && job.state === 'cancelled' && job.summary ? onPaused(job) : onFinished(job);
  const { progress, error, cancelling, cancel } = useJobProgress(jobId, ended);
  const waitSeconds = useSecondsUntil(progress?.waitingUntil);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const pace = paceOf(progress);
  // A resumed push replaces the paused screen (whose buttons had focus): start at the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="step" aria-labelledby="run-title">
      <header className="step-header">
        <h1 ref={heading} tabIndex={-1} id="run-title">
          Pushing {noun} to {destination}
        </h1>
        <p className="step-lead">
          Every step is written to the run journal: pause and resume at any time, and rows already
          done are never sent twice.
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
        <dl className="facts facts-inline run-step-facts">
          <dt>Time left</dt>
          <dd data-testid="run-eta">{timeLeftOf(progress)}</dd>
          <dt>Pace</dt>
          <dd data-testid="run-rps">
            {pace.rate}
            {pace.ofLimit ? <span className="muted"> {pace.ofLimit}</span> : null}
          </dd>
          <dt>Requests</dt>
          <dd>{(progress?.requests ?? 0).toLocaleString()}</dd>
          <dt>Retries</dt>
          <dd data-testid="run-retries">{(progress?.retries ?? 0).toLocaleString()}</dd>
        </dl>
        <p className="muted run-status" aria-live="polite">
          {cancelling
            ? pausing
              ? 'Pausing: waiting for requests already sent to answer…'
              : 'Cancelling: waiting for requests already sent to answer…'
            : waitSeconds !== null
              ? `Rate limited by ${destination}: resuming in ${waitSeconds}s.`
              : null}
        </p>
      </div>
      <StepFooter
        onBack={() => undefined}
        backDisabled
        backHint="A push is running: pause or cancel it first."
      >
        <button
          type="button"
          className="btn"
          onClick={() => {
            setPausing(true);
            cancel();
          }}
          disabled={cancelling}
          title="Stops after the requests already sent; resume it here or on the Runs page."
          data-testid="pause-run"
        >
          {cancelling && pausing ? 'Pausing…' : 'Pause'}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            setPausing(false);
            cancel();
          }}
          disabled={cancelling}
          data-testid="cancel-run"
        >
          {cancelling && !pausing ? 'Cancelling…' : 'Cancel push'}
        </button>
      </StepFooter>
    </section>
  );
}
