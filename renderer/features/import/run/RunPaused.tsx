import { useEffect, useRef } from 'react';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { OutcomeChart } from '../../../components/OutcomeChart';
import { StepFooter } from '../../../components/StepFooter';
import { useRunDetail } from '../../runs/use-run-detail';
import { pausedHeadline, pausedProgress } from './run-step-model';

/** Props of {@link RunPaused}. */
export interface RunPausedProps {
  runId: string;
  noun: string;
  destination: string;
  /** What the wizard is doing (resuming), or null. */
  busy: string | null;
  onResume: () => void;
  onStop: () => void;
}

/**
 * The push step while paused: how far the run got, by outcome (rows not done yet are
 * pending), Resume, which goes on with the same run as a new job, and Stop here, which
 * shows the results of what was done. The run stays resumable on the Runs page either way.
 */
export function RunPaused({ runId, noun, destination, busy, onResume, onStop }: RunPausedProps) {
  // The run folder, not the job, knows which rows are really done: the job counts rows it
  // did not send as failed.
  const { detail, error } = useRunDetail(runId);
  const progress = detail ? pausedProgress(detail.counts) : null;
  // Pausing changes the screen, not the step: move focus to the new heading, as steps do.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="step" aria-labelledby="run-title" data-testid="run-paused">
      <header className="step-header">
        <h1 ref={heading} tabIndex={-1} id="run-title" data-testid="run-paused-title">
          {progress ? pausedHeadline(progress.done, progress.total) : 'Paused'}
        </h1>
        <p className="step-lead">
          {`Nothing more is sent to ${destination} until you resume. Resuming goes on with the ${noun} not done yet (pending); those already done are never sent twice.`}
        </p>
      </header>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="run-panel panel">
        {detail ? (
          <OutcomeChart counts={detail.counts} testId="paused-chart" />
        ) : (
          <p className="muted">Reading the run journal…</p>
        )}
      </div>
      <StepFooter
        onBack={() => undefined}
        backDisabled
        backHint="The push is paused: resume it, or stop here to see the results."
        note={busy}
      >
        <button
          type="button"
          className="btn"
          onClick={onStop}
          disabled={busy !== null}
          title="Shows the results of the rows done so far; the run can still be resumed on the Runs page."
          data-testid="stop-run"
        >
          Stop here
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={onResume}
          disabled={busy !== null}
          data-testid="resume-run"
        >
          {busy ?? 'Resume'}
        </button>
      </StepFooter>
    </section>
  );
}
