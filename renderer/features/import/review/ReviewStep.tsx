import { useMemo, useRef, useState } from 'react';
import type { ConnectionView, ValidationView } from '../../../../shared/ipc/contract';
import type { DataGridHandle } from '../../../components/DataGrid';
import { StepFooter } from '../../../components/StepFooter';
import { connectionShortName } from '../../../app/connections';
import { countOf } from '../../../app/format';
import type { OpenedFile } from '../wizard-state';
import { ProblemList } from './ProblemList';
import { flattenProblems, indexOfRow } from './review-model';
import { SourceRowsGrid } from './SourceRowsGrid';
import { ValidationCounts } from './ValidationCounts';

/** Props of {@link ReviewStep}. */
export interface ReviewStepProps {
  file: OpenedFile;
  validation: ValidationView;
  connection: ConnectionView | null;
  busy: string | null;
  onPush: () => void;
  onBack: () => void;
}

/**
 * Step 3: every row checked before anything is sent. Counts on top, the rows with their
 * problems outlined, the list of problems beside them, and the Push button.
 */
export function ReviewStep({
  file,
  validation,
  connection,
  busy,
  onPush,
  onBack,
}: ReviewStepProps) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [highlighted, setHighlighted] = useState<number | undefined>(undefined);
  const gridRef = useRef<DataGridHandle>(null);
  const problems = useMemo(() => flattenProblems(validation.rows), [validation.rows]);
  const rows = useMemo(
    () => (onlyProblems ? validation.rows.filter((row) => row.issues.length > 0) : validation.rows),
    [onlyProblems, validation.rows],
  );
  const { counts } = validation;
  const noun = file.dataset.itemNoun;
  const destination = connection ? connectionShortName(connection) : null;

  const select = (row: number) => {
    setHighlighted(row);
    const index = indexOfRow(rows, row);
    if (index >= 0) {
      gridRef.current?.scrollToIndex(index);
    }
  };

  return (
    <section className="step step-fill" aria-labelledby="review-title">
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
            disabled={problems.length === 0}
            onChange={(event) => setOnlyProblems(event.target.checked)}
            data-testid="filter-problems"
          />
          Only rows with problems
        </label>
        <span className="muted" aria-live="polite">
          Showing {rows.length.toLocaleString()} of {validation.rows.length.toLocaleString()} rows
        </span>
        {problems.length === 0 ? <span className="check-ok">✓ No problems found</span> : null}
      </div>
      <div className={`review-layout ${problems.length === 0 ? 'review-layout-single' : ''}`}>
        <SourceRowsGrid
          ref={gridRef}
          headers={validation.headers}
          rows={rows}
          allRows={validation.rows}
          highlightedRow={highlighted}
        />
        {problems.length > 0 ? <ProblemList problems={problems} onSelect={select} /> : null}
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
        <button
          type="button"
          className="btn btn-primary"
          onClick={onPush}
          disabled={counts.valid === 0 || connection === null || busy !== null}
          data-testid="push-button"
        >
          {busy ??
            `Push ${counts.valid.toLocaleString()} valid ${noun}${destination ? ` to ${destination}` : ''}`}
        </button>
      </StepFooter>
    </section>
  );
}
