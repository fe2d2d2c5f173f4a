import { useCallback, useId, useMemo, useState } from 'react';
import type { RunDetail } from '../../../shared/ipc/contract';
import type { ExportFormat } from '../../../shared/results/export-format';
import { useApi } from '../../app/use-api';
import { OutcomeChart } from '../../components/OutcomeChart';
import { ExportButtons } from '../import/results/ExportButtons';
import { usePagedList } from '../import/review/use-row-pages';
import {
  detailFacts,
  emptyRowsMessage,
  filterOptions,
  rowsUnder,
  type RunRowFilter,
} from './run-detail-model';
import { RunRowsGrid } from './RunRowsGrid';
import { hasFailedRows } from './runs-model';
import type { RunAction } from './use-run-actions';

/** Props of {@link RunDetailBody}. */
export interface RunDetailBodyProps {
  detail: RunDetail;
  busy: RunAction | null;
  onExport: (which: 'all' | 'failed', format: ExportFormat) => void;
  onRefresh: () => void;
}

const RESULTS_HINTS = {
  csv: 'Every row with its outcome, as kept with the run (UTF-8 CSV)',
  xlsx: 'Every row with its outcome in an Excel workbook, with a Summary sheet',
} as const;
const FAILED_HINTS = {
  csv: 'The rows to fix and import again (CSV); rows a stopped run did not send are among them',
  xlsx: 'The rows to fix and import again (Excel workbook); rows a stopped run did not send are among them',
} as const;

/**
 * A loaded run's body: a chart of its outcomes beside its summary facts, the filter and
 * exports, and its rows (all, or those of one outcome) fetched a page at a time.
 */
export function RunDetailBody({ detail, busy, onExport, onRefresh }: RunDetailBodyProps) {
  const api = useApi();
  const filterId = useId();
  const [filter, setFilter] = useState<RunRowFilter>('all');
  const { run } = detail;
  // New counts (a refresh) or another filter is a new list: the pages of the old one go.
  const token = useMemo(() => ({ detail, filter }), [detail, filter]);
  const load = useCallback(
    async (offset: number, limit: number) => {
      const result = await api.runs.rows({
        runId: run.runId,
        offset,
        limit,
        ...(filter === 'all' ? {} : { status: filter }),
      });
      return result.ok ? { ok: true as const, value: result.value.rows } : result;
    },
    [api, run.runId, filter],
  );
  const rows = usePagedList(token, rowsUnder(detail, filter), load);

  return (
    <>
      <div className="run-detail-summary">
        <div className="panel run-detail-outcomes">
          <h2 className="section-title">Outcomes</h2>
          <OutcomeChart counts={detail.counts} testId="run-detail-chart" />
        </div>
        <dl className="panel facts run-detail-facts" data-testid="run-detail-facts">
          {detailFacts(detail).map((fact) => (
            <div key={fact.testId} className="run-detail-fact">
              <dt>{fact.label}</dt>
              <dd data-testid={fact.testId} title={fact.value}>
                {fact.value}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="toolbar">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          className="select select-inline"
          value={filter}
          onChange={(event) => setFilter(event.target.value as RunRowFilter)}
          data-testid="run-detail-filter"
        >
          {filterOptions(detail).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={onRefresh} data-testid="run-detail-refresh">
          Refresh
        </button>
        {rows.error ? (
          <span className="note-error" role="alert">
            Rows could not be loaded: {rows.error}
          </span>
        ) : null}
        <span className="toolbar-spacer" />
        {run.summary ? (
          <div className="run-detail-exports">
            <ExportButtons
              label="Export results"
              testId="run-detail-export-all"
              disabled={busy !== null}
              hints={RESULTS_HINTS}
              onExport={(format) => onExport('all', format)}
            />
            {hasFailedRows(run.summary) ? (
              <ExportButtons
                label="Failed rows"
                testId="run-detail-export-failed"
                disabled={busy !== null}
                hints={FAILED_HINTS}
                onExport={(format) => onExport('failed', format)}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      <RunRowsGrid
        headers={detail.headers}
        columnWidths={detail.columnWidths}
        lastRow={detail.lastRow}
        rows={rows}
        emptyMessage={emptyRowsMessage(filter)}
      />
    </>
  );
}
