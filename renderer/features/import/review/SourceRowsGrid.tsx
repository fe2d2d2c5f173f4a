import { useMemo, type Ref } from 'react';
import type { ValidatedRowView } from '../../../../shared/ipc/contract';
import { DataGrid, type DataGridHandle, type GridColumn } from '../../../components/DataGrid';
import { rowNumberWidth } from '../../../components/grid-widths';
import { CellEditor } from './CellEditor';
import { issuesForColumn, worstSeverity } from './review-model';
import { editedCellTitle, editedFrom, shownCell } from './edit-model';
import type { CellCursor } from './use-cell-cursor';
import type { GridEdits } from './use-grid-edits';
import { pagedRowProps, type PagedList } from './use-row-pages';

/** What makes the grid editable: where the keyboard is, and where edits go. */
export interface GridEditing {
  cursor: CellCursor;
  edits: GridEdits;
}

/** Props of {@link SourceRowsGrid}. */
export interface SourceRowsGridProps {
  headers: readonly string[];
  /** A width per column, sized by main from all rows so filtering does not make them jump. */
  columnWidths: readonly number[];
  /** The largest row number of the file, for the row-number column's width. */
  lastRow: number;
  /** The rows to show (maybe filtered), fetched a page at a time. */
  rows: PagedList<ValidatedRowView>;
  highlightedRow: number | undefined;
  /** Absent: the grid is read-only. */
  editing?: GridEditing;
  /** Columns holding passwords or PINs: shown masked, and their editor starts empty. */
  secretColumns?: ReadonlySet<number>;
  ref?: Ref<DataGridHandle>;
}

function rowColumn(width: number): GridColumn<ValidatedRowView> {
  return {
    id: 'row',
    header: 'Row',
    width,
    render: (item) => item.row,
    decorate: (item) => {
      const whole = item.issues.filter((issue) => issue.column === null);
      const issue = worstSeverity(whole);
      return issue
        ? {
            issue,
            title: whole.map((entry) => entry.message).join('\n'),
            className: 'grid-cell-number',
          }
        : { className: 'grid-cell-number' };
    },
  };
}

/** The cell Tab stops at: the focused one, else the first cell of the first row. */
function tabStopOf(editing: GridEditing | undefined, firstRow: number | undefined) {
  const active = editing?.cursor.active;
  return active ?? (firstRow === undefined ? undefined : { row: firstRow, column: 0 });
}

function sourceColumn(
  header: string,
  index: number,
  width: number,
  editing: GridEditing | undefined,
  tabStop: { row: number; column: number } | undefined,
  secret: boolean,
): GridColumn<ValidatedRowView> {
  const valueIn = (item: ValidatedRowView) =>
    editing?.edits.valueOf(item.row, index) ?? item.cells[index] ?? '';
  // A password or PIN never shows (main sends SECRET_MASK, and a typed one is masked too).
  const shownIn = (item: ValidatedRowView) => shownCell(valueIn(item), secret);
  return {
    id: `c${index}`,
    header,
    width,
    render: (item) => {
      const open = editing?.cursor.editing;
      if (!editing || open?.row !== item.row || open.column !== index) {
        return shownIn(item);
      }
      // A secret's editor starts empty: type a new value (an empty commit changes nothing).
      const initial = secret ? '' : valueIn(item);
      return (
        <CellEditor
          initial={initial}
          label={`Row ${item.row}, ${header}`}
          onCommit={(value) => {
            editing.cursor.stopEditing();
            if (value !== initial && !(secret && value === '')) {
              editing.edits.edit(item.row, index, value);
            }
          }}
          onCancel={editing.cursor.stopEditing}
        />
      );
    },
    decorate: (item) => {
      const issues = issuesForColumn(item, header);
      const issue = worstSeverity(issues);
      const value = shownIn(item);
      const from = editedFrom(item, index);
      const focus = editing
        ? { tabIndex: tabStop?.row === item.row && tabStop.column === index ? 0 : -1 }
        : {};
      const title = editedCellTitle(
        issues.map((entry) => entry.message),
        issue ? undefined : value,
        from,
      );
      return {
        ...focus,
        ...(issue ? { issue } : {}),
        ...(title ? { title } : {}),
        ...(from === undefined ? {} : { edited: true, className: 'grid-cell-edited' }),
      };
    },
  };
}

/**
 * The source rows as read, with the row number the admin sees in Excel, and each cell
 * with a problem outlined (red error, amber warning) and its message as the tooltip.
 * Editable when given `editing`: a double-click, Enter or F2 opens a cell's editor, and an
 * edited cell is marked, with the file's value in its tooltip.
 */
export function SourceRowsGrid({
  headers,
  columnWidths,
  lastRow,
  rows,
  highlightedRow,
  editing,
  secretColumns,
  ref,
}: SourceRowsGridProps) {
  const tabStop = tabStopOf(editing, rows.itemAt(0)?.row);
  const columns = useMemo(
    () => [
      rowColumn(rowNumberWidth(lastRow)),
      ...headers.map((header, index) =>
        sourceColumn(
          header,
          index,
          columnWidths[index] ?? 120,
          editing,
          tabStop,
          secretColumns?.has(index) === true,
        ),
      ),
    ],
    [headers, columnWidths, lastRow, editing, tabStop, secretColumns],
  );
  const grid = (
    <DataGrid
      ref={ref}
      {...pagedRowProps(rows)}
      columns={columns}
      rowClassName={(item) =>
        worstSeverity(item.issues) === 'error' ? 'grid-row-invalid' : undefined
      }
      highlightedKey={highlightedRow}
      label="Rows of the file"
      testId="source-grid"
      emptyMessage="No rows with problems. Every row can be pushed."
    />
  );
  return editing ? (
    // Laid out as if absent (display: contents); it only hears the cells' events.
    <div className="grid-editable" {...editing.cursor.handlers}>
      {grid}
    </div>
  ) : (
    grid
  );
}
