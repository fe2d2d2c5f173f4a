import type { JobState } from '../../../shared/ipc/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ProgressBar } from '../../components/ProgressBar';
import { useJobProgress } from '../import/run/use-job-progress';
import { etaLabel, rowsDoneLabel } from './runs-model';

/** Props of {@link RunLiveProgress}. */
export interface RunLiveProgressProps {
  jobId: string;
  /** The run's file, for the progress bar's accessible name. */
  fileName: string;
  onEnded: (job: JobState) => void;
}

/**
 * A running push inside its run on the Runs page: rows done, pace, the current limit and
 * time left, and Pause, which stops after the request in flight and leaves the run
 * resumable. Follows the job through its events, with a poll as fallback.
 */
export function RunLiveProgress({ jobId, fileName, onEnded }: RunLiveProgressProps) {
  const { progress: latest, error, cancelling, cancel } = useJobProgress(jobId, onEnded);
  // A resumed job starts at "0 done" until the push reports the rows settled before; that
  // first zero would read as starting over, so it shows as "Starting…" instead.
  const progress = latest && (latest.done > 0 || latest.requests > 0) ? latest : null;
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;

  return (
    <div className="run-live" data-testid="run-live" data-job-id={jobId}>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="run-live-top">
        <span className="run-live-percent" aria-hidden="true">
          {percent}%
        </span>
        <span className="run-live-rows" data-testid="run-live-rows">
          {progress ? rowsDoneLabel(progress) : 'Starting…'}
        </span>
        <span className="toolbar-spacer" />
        <span className="muted run-live-status" aria-live="polite">
          {cancelling
            ? 'Pausing: waiting for the request in flight to answer…'
            : progress?.waitingUntil !== undefined
              ? 'The phone system asked batchline to slow down; waiting.'
              : null}
        </span>
        <button
          type="button"
          className="btn"
          onClick={cancel}
          disabled={cancelling}
          title="Stops after the request in flight; the run can be resumed later."
          data-testid="run-pause"
        >
          {cancelling ? 'Pausing…' : 'Pause'}
        </button>
      </div>
      <ProgressBar
        value={done}
        max={total}
        label={`Pushing ${fileName}`}
        valueText={`${done} of ${total} rows`}
      />
      <dl className="facts facts-inline run-live-facts">
        <dt>Requests per second</dt>
        <dd data-testid="run-live-rps">
          {/* The pace is an average since the start: over its first second (main sends no
              ETA until then) the opening burst would read as several times the limit. */}
          {progress?.etaSeconds !== undefined ? progress.requestsPerSecond.toFixed(1) : '…'}
        </dd>
        {progress?.limit !== undefined ? (
          <>
            <dt>Limit</dt>
            <dd>{progress.limit.toFixed(1)}/s</dd>
          </>
        ) : null}
        <dt>Retries</dt>
        <dd>{(progress?.retries ?? 0).toLocaleString()}</dd>
        {progress?.etaSeconds !== undefined ? (
          <>
            <dt>Time left</dt>
            <dd data-testid="run-live-eta">{etaLabel(progress.etaSeconds)}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
