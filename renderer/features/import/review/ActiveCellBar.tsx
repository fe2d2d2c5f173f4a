import type { ValidatedRowView } from '../../../../shared/ipc/contract';
import { editedFrom, shownCell, shownValue } from './edit-model';
import { focusCell, type CellCursor } from './use-cell-cursor';
import type { GridEdits } from './use-grid-edits';
import type { PagedList } from './use-row-pages';

/** Props of {@link ActiveCellBar}. */
export interface ActiveCellBarProps {
  headers: readonly string[];
  cursor: CellCursor;
  rows: PagedList<ValidatedRowView>;
  edits: GridEdits;
  /** Columns holding passwords or PINs: their value is masked here too. */
  secretColumns?: ReadonlySet<number>;
}

/**
 * The line above the review grid about the focused cell, like a spreadsheet's formula bar:
 * where it is and what it holds, and for an edited cell the file's value with a button that
 * puts it back. Without a focused cell it says how to edit.
 */
export function ActiveCellBar({ headers, cursor, rows, edits, secretColumns }: ActiveCellBarProps) {
  const { active } = cursor;
  const header = active ? headers[active.column] : undefined;
  if (!active || header === undefined) {
    return (
      <p className="cell-bar muted" data-testid="cell-bar">
        Double-click a cell, or select it and press Enter, to change it. Enter saves, Escape
        cancels.
      </p>
    );
  }
  // The row at the focused cell's place, if it is still that row (a fixed row leaves the
  // problem rows) and has loaded.
  const loaded = rows.itemAt(active.index);
  const row = loaded?.row === active.row ? loaded : undefined;
  const typed = edits.valueOf(active.row, active.column) ?? row?.cells[active.column];
  const value =
    typed === undefined ? undefined : shownCell(typed, secretColumns?.has(active.column) === true);
  const from = row ? editedFrom(row, active.column) : undefined;
  return (
    <div className="cell-bar" role="group" aria-label="Selected cell" data-testid="cell-bar">
      <strong className="cell-bar-where">
        Row {active.row} · {header}
      </strong>
      <span className="cell-bar-value" title={value}>
        {value === undefined ? '' : shownValue(value)}
      </span>
      {from === undefined ? null : (
        <span className="cell-bar-was" data-testid="cell-bar-was">
          Was: {shownValue(from)}
        </span>
      )}
      <span className="toolbar-spacer" />
      <button
        type="button"
        className="btn"
        onClick={() => cursor.startEditing()}
        data-testid="cell-edit"
      >
        Edit cell
      </button>
      {from === undefined ? null : (
        <button
          type="button"
          className="btn"
          onClick={() => {
            edits.revert(active.row, active.column, from);
            // The button goes once the cell is back; the keyboard stays on the cell.
            focusCell(document, active.row, active.column);
          }}
          data-testid="cell-revert"
        >
          Revert to file value
        </button>
      )}
    </div>
  );
}
