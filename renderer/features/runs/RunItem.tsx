import { useId } from 'react';
import type { JobState, RunView } from '../../../shared/ipc/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RunLiveProgress } from './RunLiveProgress';
import {
  datasetLabel,
  hasFailedRows,
  startedAtLabel,
  stateExplanation,
  stateLabel,
  stateTone,
  summaryCounts,
} from './runs-model';
import type { RunAction, RunError } from './use-run-actions';

/** Props of {@link RunItem}. */
export interface RunItemProps {
  run: RunView;
  /** The job this page follows for the run (it then shows as running), or null. */
  liveJobId: string | null;
  /** What is under way for this run, if anything; `blocked` while another run's call is. */
  busy: RunAction | null;
  blocked: boolean;
  error: RunError['error'] | null;
  onResume: () => void;
  onExport: (which: 'all' | 'failed') => void;
  onJobEnded: (job: JobState) => void;
  onDismissError: () => void;
  /** Opens the run's detail: its summary, outcomes and rows. */
  onOpen: () => void;
}

/**
 * One run on the Runs page: file, dataset, start time and state; its counts once it has a
 * summary; Open for its detail; Resume when it can go on; its results and failed rows as CSV; and, while this
 * page follows its job, the live progress with Pause.
 */
export function RunItem(props: RunItemProps) {
  const { run, liveJobId, busy, blocked, error } = props;
  const titleId = useId();
  const state = liveJobId !== null ? 'running' : run.state;
  const explanation = stateExplanation(run, state, liveJobId !== null);
  const disabled = blocked || busy !== null;
  const canResume = run.resumable && liveJobId === null;

  return (
    <li
      className="run-item"
      aria-labelledby={titleId}
      data-testid="run-item"
      data-run-id={run.runId}
      data-state={state}
    >
      <div className="run-item-main">
        <div className="run-item-title">
          <span
            className={`run-state run-state-${stateTone(state, run.summary)}`}
            data-testid="run-state"
          >
            {stateLabel(state)}
          </span>
          <h2 id={titleId} className="run-file" title={run.runId}>
            {/* A mouse shortcut to Open; keyboard users reach the same through the Open button. */}
            <button
              type="button"
              className="run-file-button"
              tabIndex={-1}
              onClick={props.onOpen}
              data-testid="run-open-title"
            >
              {run.fileName}
            </button>
          </h2>
        </div>
        <p className="run-meta">
          {datasetLabel(run)}
          <span aria-hidden="true"> · </span>
          <span>Started {startedAtLabel(run.createdAt)}</span>
        </p>
        {run.summary && liveJobId === null ? (
          <p className="run-counts" data-testid="run-counts">
            {summaryCounts(run.summary).map((count) => (
              <span
                key={count.key}
                className={`run-count ${count.value > 0 ? `run-count-${count.tone}` : ''}`}
                data-testid={`run-count-${count.key}`}
                data-value={count.value}
              >
                <strong>{count.value.toLocaleString()}</strong> {count.label}
              </span>
            ))}
            <span className="run-count run-count-total" data-testid="run-count-total">
              of <strong>{run.summary.total.toLocaleString()}</strong> rows
            </span>
          </p>
        ) : null}
        {explanation ? (
          <p className="run-explanation" data-testid="run-explanation">
            {explanation}
          </p>
        ) : null}
      </div>
      <div className="run-item-actions">
        <button
          type="button"
          className="btn"
          onClick={props.onOpen}
          aria-label={`Open ${run.fileName}`}
          title="Its summary, a chart of outcomes and every row with its result"
          data-testid="run-open"
        >
          Open
        </button>
        {canResume ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={props.onResume}
            disabled={disabled}
            data-testid="run-resume"
          >
            {busy === 'resume' ? 'Resuming…' : 'Resume'}
          </button>
        ) : null}
        {run.summary && liveJobId === null ? (
          <>
            <button
              type="button"
              className="btn"
              onClick={() => props.onExport('all')}
              disabled={disabled}
              title="Every row with its outcome (result_status, result_id, result_message)"
              data-testid="run-export-all"
            >
              {busy === 'export-all' ? 'Exporting…' : 'Export results (CSV)'}
            </button>
            {hasFailedRows(run.summary) ? (
              <button
                type="button"
                className="btn"
                onClick={() => props.onExport('failed')}
                disabled={disabled}
                title="The rows to fix and import again"
                data-testid="run-export-failed"
              >
                {busy === 'export-failed' ? 'Exporting…' : 'Export failed rows (CSV)'}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {error ? (
        <div className="run-item-wide">
          <ErrorBanner error={error} onDismiss={props.onDismissError} />
        </div>
      ) : null}
      {liveJobId !== null ? (
        <div className="run-item-wide">
          <RunLiveProgress
            key={liveJobId}
            jobId={liveJobId}
            fileName={run.fileName}
            onEnded={props.onJobEnded}
          />
        </div>
      ) : null}
    </li>
  );
}
