import { useEffect, useRef } from 'react';
import type { SerializedAppError } from '../../../shared/errors';
import type { ExportFormat } from '../../../shared/results/export-format';
import { ErrorBanner } from '../../components/ErrorBanner';
import { detailExplanation } from './run-detail-model';
import { RunDetailBody } from './RunDetailBody';
import { datasetLabel, stateLabel, stateTone } from './runs-model';
import type { RunAction } from './use-run-actions';
import { useRunDetail } from './use-run-detail';
import './run-detail.css';

/** Props of {@link RunDetailView}. */
export interface RunDetailViewProps {
  runId: string;
  /** What is under way for this run, if anything. */
  busy: RunAction | null;
  error: SerializedAppError | null;
  onBack: () => void;
  onResume: () => void;
  onExport: (which: 'all' | 'failed', format: ExportFormat) => void;
  onDismissError: () => void;
}

/**
 * One run opened from the Runs page: its state and summary (target, file, connection,
 * time, requests, retries), a chart of its outcomes, and every row with its outcome and
 * source cells, filterable by outcome and fetched a page at a time. Back returns to the list.
 */
export function RunDetailView(props: RunDetailViewProps) {
  const { runId, busy, error, onBack } = props;
  const { detail, error: loadError, refresh } = useRunDetail(runId);
  const explanation = detail ? detailExplanation(detail) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section
      className="runs-page run-detail"
      aria-labelledby="run-detail-title"
      data-testid="run-detail"
      data-run-id={runId}
      data-state={detail?.run.state}
    >
      <div>
        <button type="button" className="btn" onClick={onBack} data-testid="run-detail-back">
          ← All runs
        </button>
      </div>
      <header className="step-header step-header-row">
        <div className="run-detail-heading">
          <div className="run-item-title">
            {detail ? (
              <span
                className={`run-state run-state-${stateTone(detail.run.state, detail.run.summary)}`}
              >
                {stateLabel(detail.run.state)}
              </span>
            ) : null}
            <h1 ref={heading} tabIndex={-1} id="run-detail-title" title={runId}>
              {detail?.run.fileName ?? 'Run'}
            </h1>
          </div>
          {detail ? (
            <p className="run-meta">
              {datasetLabel(detail.run)} · run {runId}
            </p>
          ) : null}
          {explanation ? (
            <p className="run-explanation" data-testid="run-detail-explanation">
              {explanation}
            </p>
          ) : null}
        </div>
        {detail?.run.resumable ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={props.onResume}
            disabled={busy !== null}
            data-testid="run-detail-resume"
          >
            {busy === 'resume' ? 'Resuming…' : 'Resume'}
          </button>
        ) : null}
      </header>
      {loadError ? <ErrorBanner error={loadError} onRetry={refresh} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={props.onDismissError} /> : null}
      {detail ? (
        <RunDetailBody detail={detail} busy={busy} onExport={props.onExport} onRefresh={refresh} />
      ) : loadError ? null : (
        <p className="muted" data-testid="run-detail-loading">
          Loading the run…
        </p>
      )}
    </section>
  );
}
