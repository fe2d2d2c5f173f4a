import { useMemo } from 'react';
import type { RunRowView } from '../../../shared/ipc/contract';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { idColumn, rowNumberColumn, statusColumn } from '../../components/grid-columns';
import { rowNumberWidth } from '../../components/grid-widths';
import { pagedRowProps, type PagedList } from '../import/review/use-row-pages';
import { rowMessage } from './run-detail-model';

/** Props of {@link RunRowsGrid}. */
export interface RunRowsGridProps {
  headers: readonly string[];
  /** A width per source column, sized by main from all rows. */
  columnWidths: readonly number[];
  lastRow: number;
  /** The rows to show (maybe filtered), fetched a page at a time. */
  rows: PagedList<RunRowView>;
  emptyMessage: string;
}

function outcomeColumns(rowWidth: number): GridColumn<RunRowView>[] {
  return [
    rowNumberColumn(rowWidth),
    statusColumn(100),
    idColumn(200),
    {
      id: 'message',
      header: 'Message',
      width: 380,
      render: (item) => <span>{rowMessage(item)}</span>,
      decorate: (item) => ({ title: rowMessage(item) || undefined, className: 'grid-cell-wrap' }),
    },
  ];
}

function sourceColumn(header: string, index: number, width: number): GridColumn<RunRowView> {
  return {
    id: `c${index}`,
    header,
    width,
    render: (item) => item.cells[index] ?? '',
    decorate: (item) => ({ title: item.cells[index] || undefined }),
  };
}

/**
 * A run's rows: row number (as in Excel), outcome, the id the phone system gave, why, and
 * then the source cells as they were pushed. Only the rows in view are fetched and drawn.
 */
export function RunRowsGrid({
  headers,
  columnWidths,
  lastRow,
  rows,
  emptyMessage,
}: RunRowsGridProps) {
  const columns = useMemo(
    () => [
      ...outcomeColumns(rowNumberWidth(lastRow)),
      ...headers.map((header, index) => sourceColumn(header, index, columnWidths[index] ?? 120)),
    ],
    [headers, columnWidths, lastRow],
  );
  return (
    <DataGrid
      {...pagedRowProps(rows)}
      columns={columns}
      rowClassName={(item) => `grid-row-${item.status}`}
      rowHeight={44}
      label="Rows of the run with their outcomes"
      testId="run-rows-grid"
      emptyMessage={emptyMessage}
    />
  );
}
