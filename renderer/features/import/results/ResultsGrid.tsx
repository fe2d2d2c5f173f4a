import { useMemo } from 'react';
import type { RowResult } from '../../../../shared/jobs/run-types';
import { DataGrid, type GridColumn } from '../../../components/DataGrid';
import { idColumn, rowNumberColumn, statusColumn } from '../../../components/grid-columns';
import { rowNumberWidth } from '../../../components/grid-widths';

/** A result row with the value that tells the admin who it is (usually the email). */
export interface ResultItem extends RowResult {
  identity: string;
}

/** Props of {@link ResultsGrid}. */
export interface ResultsGridProps {
  items: readonly ResultItem[];
  identityLabel: string;
  /** What an empty table says: why there is nothing, and what to do about it. */
  emptyMessage?: string;
}

function columnsFor(identityLabel: string, rowWidth: number): GridColumn<ResultItem>[] {
  return [
    rowNumberColumn(rowWidth),
    {
      id: 'identity',
      header: identityLabel,
      width: 240,
      render: (item) => item.identity,
      decorate: (item) => ({ title: item.identity }),
    },
    statusColumn(110),
    idColumn(230),
    {
      id: 'message',
      header: 'Message',
      width: 320,
      // A message that only repeats the status ("created") is noise next to the badge.
      render: (item) => (
        <span>{item.message.toLowerCase() === item.status ? '' : item.message}</span>
      ),
      decorate: (item) => ({ title: item.message || undefined, className: 'grid-cell-wrap' }),
    },
  ];
}

/** Every source row's outcome: row number, who, status, the new id, and why. */
export function ResultsGrid({
  items,
  identityLabel,
  emptyMessage = 'No rows with this status.',
}: ResultsGridProps) {
  const largestRow = items.reduce((largest, item) => Math.max(largest, item.row), 0);
  const rowWidth = rowNumberWidth(largestRow);
  const columns = useMemo(() => columnsFor(identityLabel, rowWidth), [identityLabel, rowWidth]);
  return (
    <DataGrid
      items={items}
      columns={columns}
      rowKey={(item) => item.row}
      rowData={(item) => String(item.row)}
      rowClassName={(item) => `grid-row-${item.status}`}
      rowHeight={44}
      label="Results by row"
      testId="results-grid"
      emptyMessage={emptyMessage}
    />
  );
}
