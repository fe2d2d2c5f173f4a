import { useMemo } from 'react';
import type { PlannedRowView } from '../../../../shared/ipc/contract';
import { DataGrid, type GridColumn } from '../../../components/DataGrid';
import { rowNumberColumn } from '../../../components/grid-columns';
import { rowNumberWidth } from '../../../components/grid-widths';
import { pagedRowProps, type PagedList } from '../review/use-row-pages';
import { ACTION_LABELS, diffText } from './plan-model';

/** Props of {@link PlannedRowsGrid}. */
export interface PlannedRowsGridProps {
  /** The planned rows to show (maybe of one action), fetched a page at a time. */
  rows: PagedList<PlannedRowView>;
  /** The largest row number of the file, for the row-number column's width. */
  lastRow: number;
}

function columnsFor(rowWidth: number): GridColumn<PlannedRowView>[] {
  return [
    rowNumberColumn(rowWidth),
    {
      id: 'action',
      header: 'Action',
      width: 120,
      render: (item) => (
        <span className={`status plan-${item.action}`}>{ACTION_LABELS[item.action]}</span>
      ),
    },
    {
      id: 'changes',
      header: 'Changes',
      width: 300,
      render: (item) => diffText(item.diff),
      decorate: (item) => ({ title: diffText(item.diff) || undefined }),
    },
    {
      id: 'message',
      header: 'Message',
      width: 360,
      // For creates and updates the badge and the changes say it all; the rest say why.
      render: (item) => (item.action === 'create' || item.action === 'update' ? '' : item.message),
      decorate: (item) => ({ title: item.message }),
    },
  ];
}

/** Every row of the plan: its source row, what a push would do with it, the diff and why. */
export function PlannedRowsGrid({ rows, lastRow }: PlannedRowsGridProps) {
  const rowWidth = rowNumberWidth(lastRow);
  const columns = useMemo(() => columnsFor(rowWidth), [rowWidth]);
  return (
    <DataGrid
      {...pagedRowProps(rows)}
      columns={columns}
      rowClassName={(item) => `grid-row-plan-${item.action}`}
      label="Planned rows"
      testId="plan-grid"
      emptyMessage="No rows with this action."
    />
  );
}
