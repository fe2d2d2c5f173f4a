import { useEffect, useMemo, useState } from 'react';
import type { JobState, ValidationView } from '../../../../shared/ipc/contract';
import type { ResultStatus } from '../../../../shared/jobs/run-types';
import type { ExportFormat } from '../../../../shared/results/export-format';
import { countOf } from '../../../app/format';
import { useApi } from '../../../app/use-api';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { OutcomeChart } from '../../../components/OutcomeChart';
import { StatTile } from '../../../components/StatTile';
import { StepFooter } from '../../../components/StepFooter';
import { RowFilterSelect } from '../RowFilterSelect';
import type { OpenedFile } from '../wizard-state';
import { ExportButtons } from './ExportButtons';
import { countByStatus } from '../../../../shared/jobs/count-results';
import { identitiesByRow, identityColumn, RESULT_STATUSES, resultItems } from './results-model';
import { ResultsGrid } from './ResultsGrid';

/** Props of {@link ResultsStep}. */
export interface ResultsStepProps {
  file: OpenedFile;
  validation: ValidationView;
  job: JobState;
  destination: string;
  busy: string | null;
  onExport: (which: 'all' | 'failed', format: ExportFormat) => void;
  onNewImport: () => void;
  onBack: () => void;
}

const RESULTS_HINTS = {
  csv: 'Every row with its outcome, as UTF-8 CSV (the file kept with the run)',
  xlsx: 'Every row with its outcome in an Excel workbook: coloured statuses and a Summary sheet',
} as const;
const FAILED_HINTS = {
  csv: 'The rows to fix, as CSV; import the file again once fixed',
  xlsx: 'The rows to fix, as an Excel workbook; import the file again once fixed',
} as const;

/** The heading: how the job ended, and whether anything went wrong on the way. */
function headline(job: JobState): string {
  switch (job.state) {
    case 'completed':
      return (job.summary?.failed ?? 0) > 0 ? 'Push finished with failures' : 'Push finished';
    case 'cancelled':
      return 'Push cancelled';
    case 'stopped':
      return 'Push stopped before the end';
    case 'failed':
      return 'Push stopped';
    case 'running':
      return 'Push running';
  }
}

/**
 * Step 5: what happened to every row, with the two exports an admin needs next: the full
 * results sheet, and the failed rows to fix and import again.
 */
export function ResultsStep({
  file,
  validation,
  job,
  destination,
  busy,
  onExport,
  onNewImport,
  onBack,
}: ResultsStepProps) {
  const [status, setStatus] = useState<ResultStatus | 'all'>('all');
  const api = useApi();
  const identity = useMemo(() => identityColumn(file, validation), [file, validation]);
  const { fileId } = file.preview;
  // The identity column's values stay in main with the file; fetched once for this screen.
  const [identities, setIdentities] = useState<{ key: string; byRow: Map<number, string> }>();
  const identityKey = `${fileId}:${identity.index}`;
  useEffect(() => {
    if (identity.index < 0) {
      return;
    }
    let current = true;
    void api.import.column({ fileId, index: identity.index }).then((result) => {
      if (current && result.ok) {
        setIdentities({ key: identityKey, byRow: identitiesByRow(result.value) });
      }
    });
    return () => {
      current = false;
    };
  }, [api, fileId, identity.index, identityKey]);
  const byRow = identities?.key === identityKey ? identities.byRow : undefined;
  const items = useMemo(() => resultItems(job, byRow), [job, byRow]);
  const shown = useMemo(
    () => (status === 'all' ? items : items.filter((item) => item.status === status)),
    [items, status],
  );
  const summary = job.summary;
  const redo = (summary?.failed ?? 0) + (summary?.invalid ?? 0);
  const counts = useMemo(() => countByStatus(items), [items]);

  return (
    <section className="step step-fill" aria-labelledby="results-title">
      <header className="step-header step-header-row">
        <div>
          <h1 tabIndex={-1} id="results-title" data-testid="results-title" data-state={job.state}>
            {headline(job)}
          </h1>
          <p className="step-lead">
            {file.preview.fileName} → {destination}
            {summary
              ? ` · ${countOf(summary.requests, 'request')}, ${countOf(summary.retries, 'retry', 'retries')}, ${(summary.durationMs / 1000).toFixed(1)} s`
              : ''}
          </p>
        </div>
        {summary ? (
          <div className="stats" role="group" aria-label="Results summary">
            <StatTile label="Created" value={summary.created} tone="good" testId="tile-created" />
            {summary.updated > 0 ? (
              <StatTile label="Updated" value={summary.updated} tone="good" testId="tile-updated" />
            ) : null}
            <StatTile
              label="Skipped"
              value={summary.skipped}
              tone="warning"
              testId="tile-skipped"
            />
            <StatTile label="Failed" value={summary.failed} tone="bad" testId="tile-failed" />
            <StatTile label="Invalid" value={summary.invalid} tone="bad" testId="tile-invalid" />
          </div>
        ) : null}
      </header>
      {summary && summary.total > 0 ? (
        <div className="panel results-chart">
          <OutcomeChart counts={summary} testId="results-chart" />
        </div>
      ) : null}
      {job.error ? <ErrorBanner error={job.error} /> : null}
      {job.state === 'stopped' ? (
        <p className="notice" role="status" data-testid="stopped-note">
          The push stopped early: {job.stopReason}. Rows confirmed before that are listed as
          created; rows not sent are listed as failed. Use “Export failed rows” to push them again.
        </p>
      ) : null}
      {job.state === 'cancelled' ? (
        <p className="notice" role="status" data-testid="cancelled-note">
          You stopped the push before the end. What was sent before it stopped is listed as created;
          rows not sent are listed as failed. Resume the run on the Runs page (rows already done are
          not sent again), or use “Export failed rows” to import them later.
        </p>
      ) : null}
      <div className="toolbar">
        <RowFilterSelect
          value={status}
          kinds={RESULT_STATUSES}
          total={items.length}
          countOf={(which) => counts[which]}
          labelOf={(which) => `${which[0]?.toUpperCase() ?? ''}${which.slice(1)}`}
          onChange={setStatus}
          testId="results-filter"
        />
        <span className="toolbar-spacer" />
        <ExportButtons
          label="Export results"
          testId="export-all"
          disabled={busy !== null}
          hints={RESULTS_HINTS}
          onExport={(format) => onExport('all', format)}
        />
        <ExportButtons
          label="Export failed rows"
          testId="export-failed"
          disabled={busy !== null || redo === 0}
          disabledHint={redo === 0 ? 'Every row went in: there are no failed rows.' : undefined}
          hints={FAILED_HINTS}
          onExport={(format) => onExport('failed', format)}
        />
      </div>
      <ResultsGrid
        items={shown}
        identityLabel={identity.label}
        emptyMessage={
          status === 'all'
            ? 'No row results: the push ended before any row was sent.'
            : `No ${status} rows. Show “All rows” to see every row.`
        }
      />
      <StepFooter onBack={onBack} note={busy}>
        <button
          type="button"
          className="btn btn-primary"
          onClick={onNewImport}
          data-testid="new-import"
        >
          Start a new import
        </button>
      </StepFooter>
    </section>
  );
}
