import { useCallback, useMemo, useRef, useState } from 'react';
import type {
  ConnectionView,
  RowFilter,
  ValidatedRowView,
  ValidationView,
} from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/result';
import { useApi } from '../../../app/use-api';
import type { DataGridHandle } from '../../../components/DataGrid';
import { StepFooter } from '../../../components/StepFooter';
import { SaveBatchButton } from '../batch/SaveBatchButton';
import { connectionShortName } from '../../../app/connections';
import { countOf } from '../../../app/format';
import type { OpenedFile } from '../wizard-state';
import { ActiveCellBar } from './ActiveCellBar';
import { ColumnTools } from './ColumnTools';
import { EditSummary } from './EditSummary';
import './grid-edit.css';
import { ProblemList } from './ProblemList';
import type { ProblemItem } from './review-model';
import { SourceRowsGrid } from './SourceRowsGrid';
import { ValidationCounts } from './ValidationCounts';
import { useCellCursor } from './use-cell-cursor';
import { useGridEdits } from './use-grid-edits';
import { usePagedList } from './use-row-pages';

/** A page's items out of a reply, or its error as is. */
function itemsOf<R, T>(result: Result<R>, pick: (value: R) => readonly T[]): Result<readonly T[]> {
  return result.ok ? { ok: true, value: pick(result.value) } : result;
}

/** Props of {@link ReviewStep}. */
export interface ReviewStepProps {
  file: OpenedFile;
  validation: ValidationView;
  connection: ConnectionView | null;
  busy: string | null;
  /** Plans the push against the connection's target (the Plan step). */
  onPlan: () => void;
  onBack: () => void;
  /** Takes the validation after an edit; absent, the grid is read-only. */
  onRevalidated?: (validation: ValidationView) => void;
  /** Downloads the prepared batch (.batchline); absent, no "Save batch…" button. */
  onSaveBatch?: () => void;
}

const ignore = () => undefined;

/**
 * Step 3: every row checked before anything is sent. Counts on top, the rows with their
 * problems outlined, the list of problems beside them, and the button that plans the push.
 */
export function ReviewStep({
  file,
  validation,
  connection,
  busy,
  onPlan,
  onBack,
  onRevalidated,
  onSaveBatch,
}: ReviewStepProps) {
  const api = useApi();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [highlighted, setHighlighted] = useState<number | undefined>(undefined);
  const gridRef = useRef<DataGridHandle>(null);
  const { fileId } = file.preview;
  const only: RowFilter = onlyProblems ? 'problems' : 'all';
  // Main keeps the validation; the grid and the list fetch the pages they show. A new
  // validation or filter is a new list: the pages of the old one are dropped.
  const rowsToken = useMemo(() => ({ validation, only }), [validation, only]);
  const loadRows = useCallback(
    async (offset: number, limit: number) =>
      itemsOf(
        await api.import.rows({ fileId, offset, limit, only }),
        (page): readonly ValidatedRowView[] => page.rows,
      ),
    [api, fileId, only],
  );
  // Reused across validations of one filter: after an edit the rows stay until reloaded.
  const rows = usePagedList(
    rowsToken,
    onlyProblems ? validation.problemRowCount : validation.rowCount,
    loadRows,
    only,
  );
  const loadProblems = useCallback(
    async (offset: number, limit: number) =>
      itemsOf(
        await api.import.problems({ fileId, offset, limit }),
        (page): readonly ProblemItem[] => page.items,
      ),
    [api, fileId],
  );
  const problems = usePagedList(validation, validation.problemCount, loadProblems, 'problems');
  const editable = onRevalidated !== undefined;
  const edits = useGridEdits(file, validation.headers, onRevalidated ?? ignore);
  const cursor = useCellCursor(editable);
  const [toolsOpen, setToolsOpen] = useState(false);
  const secretColumns = useMemo(
    () => new Set(validation.maskedColumns ?? []),
    [validation.maskedColumns],
  );
  const { counts } = validation;
  const destination = connection ? connectionShortName(connection) : null;
  const hasProblems = validation.problemCount > 0;
  const pageError = rows.error ?? problems.error;

  const select = (row: number) => {
    setHighlighted(row);
    void api.import.locate({ fileId, row, only }).then((result) => {
      if (result.ok && result.value.index >= 0) {
        gridRef.current?.scrollToIndex(result.value.index);
      }
    });
  };

  return (
    <section
      className="step step-fill"
      aria-labelledby="review-title"
      data-testid="review-step"
      data-pending-edits={edits.pending}
    >
      <header className="step-header step-header-row">
        <div>
          <h1 tabIndex={-1} id="review-title">
            Review
          </h1>
          <p className="step-lead">
            Every row of {file.preview.fileName} has been checked. Nothing has been sent yet.
          </p>
        </div>
        <ValidationCounts counts={counts} />
      </header>
      <div className="toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyProblems}
            disabled={!hasProblems}
            onChange={(event) => setOnlyProblems(event.target.checked)}
            data-testid="filter-problems"
          />
          Only rows with problems
        </label>
        <span className="muted" aria-live="polite">
          Showing {rows.total.toLocaleString()} of {validation.rowCount.toLocaleString()} rows
        </span>
        {hasProblems ? null : <span className="check-ok">✓ No problems found</span>}
        {pageError ? (
          <span className="note-error" role="alert">
            Rows could not be loaded: {pageError}
          </span>
        ) : null}
        {edits.error ? (
          <span className="note-error" role="alert" data-testid="edit-error">
            The edit was not saved: {edits.error}
          </span>
        ) : null}
        <span className="toolbar-spacer" />
        {editable ? (
          <>
            <EditSummary
              editedCells={validation.editedCells ?? 0}
              pending={edits.pending}
              onUndoAll={edits.undoAll}
            />
            <button
              type="button"
              className="btn"
              aria-expanded={toolsOpen}
              onClick={() => setToolsOpen((open) => !open)}
              data-testid="column-tools-toggle"
            >
              Column tools
            </button>
          </>
        ) : null}
      </div>
      {editable && toolsOpen ? (
        <ColumnTools
          headers={validation.headers}
          initialColumn={validation.headers[cursor.active?.column ?? 0] ?? ''}
          hasProblems={hasProblems}
          country={file.country}
          onApply={edits.transform}
          onClose={() => setToolsOpen(false)}
        />
      ) : null}

      <div className={`review-layout ${hasProblems ? '' : 'review-layout-single'}`}>
        <div className="review-grid-column">
          {editable ? (
            <ActiveCellBar
              headers={validation.headers}
              cursor={cursor}
              rows={rows}
              edits={edits}
              secretColumns={secretColumns}
            />
          ) : null}
          <SourceRowsGrid
            ref={gridRef}
            headers={validation.headers}
            columnWidths={validation.columnWidths}
            lastRow={validation.lastRow}
            rows={rows}
            highlightedRow={highlighted}
            secretColumns={secretColumns}
            {...(editable ? { editing: { cursor, edits } } : {})}
          />
        </div>
        {hasProblems ? (
          <ProblemList problems={problems} errors={validation.errorCount} onSelect={select} />
        ) : null}
      </div>
      <StepFooter
        onBack={onBack}
        note={
          counts.invalid > 0 ? (
            <span data-testid="invalid-note">
              {countOf(counts.invalid, 'invalid row')} will not be sent;{' '}
              {counts.invalid === 1 ? 'it' : 'they'} will be reported as invalid in the results.
            </span>
          ) : connection === null ? (
            <span className="note-error">
              There is no connection for {file.dataset.targetLabel}. Add one in Settings.
            </span>
          ) : null
        }
      >
        {onSaveBatch ? (
          <SaveBatchButton onSave={onSaveBatch} disabled={busy !== null || edits.pending > 0} />
        ) : null}
        <button
          type="button"
          className="btn btn-primary"
          onClick={onPlan}
          disabled={counts.valid === 0 || connection === null || busy !== null || edits.pending > 0}
          data-testid="plan-button"
        >
          {busy ?? (destination ? `Plan push to ${destination}` : 'Plan push')}
        </button>
      </StepFooter>
    </section>
  );
}
