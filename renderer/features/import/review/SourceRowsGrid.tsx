import { useMemo, type Ref } from 'react';
import type { ValidatedRowView } from '../../../../shared/ipc/contract';
import { DataGrid, type DataGridHandle, type GridColumn } from '../../../components/DataGrid';
import { rowNumberWidth } from '../../../components/grid-widths';
import { issuesForColumn, worstSeverity } from './review-model';
import type { PagedList } from './use-row-pages';

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

function sourceColumn(header: string, index: number, width: number): GridColumn<ValidatedRowView> {
  return {
    id: `c${index}`,
    header,
    width,
    render: (item) => item.cells[index] ?? '',
    decorate: (item) => {
      const issues = issuesForColumn(item, header);
      const issue = worstSeverity(issues);
      const value = item.cells[index] ?? '';
      return issue
        ? { issue, title: issues.map((entry) => entry.message).join('\n') }
        : { title: value === '' ? undefined : value };
    },
  };
}

/**
 * The source rows as read, with the row number the admin sees in Excel, and each cell
 * with a problem outlined (red error, amber warning) and its message as the tooltip.
 */
export function SourceRowsGrid({
  headers,
  columnWidths,
  lastRow,
  rows,
  highlightedRow,
  ref,
}: SourceRowsGridProps) {
  const columns = useMemo(
    () => [
      rowColumn(rowNumberWidth(lastRow)),
      ...headers.map((header, index) => sourceColumn(header, index, columnWidths[index] ?? 120)),
    ],
    [headers, columnWidths, lastRow],
  );
  return (
    <DataGrid
      ref={ref}
      count={rows.total}
      itemAt={rows.itemAt}
      onRangeChange={rows.onRangeChange}
      columns={columns}
      rowKey={(item) => item.row}
      rowData={(item) => String(item.row)}
      rowClassName={(item) =>
        worstSeverity(item.issues) === 'error' ? 'grid-row-invalid' : undefined
      }
      highlightedKey={highlightedRow}
      label="Rows of the file"
      testId="source-grid"
      emptyMessage="No rows with problems. Every row can be pushed."
    />
  );
}
