import type { GridColumn } from './DataGrid';

// Built once here because every grid of row outcomes shows these columns the same way.

/** The source row number, as in Excel. */
export function rowNumberColumn<T extends { row: number }>(width: number): GridColumn<T> {
  return {
    id: 'row',
    header: 'Row',
    width,
    render: (item) => item.row,
    decorate: () => ({ className: 'grid-cell-number' }),
  };
}

/** A row's outcome as a coloured badge. */
export function statusColumn<T extends { status: string }>(width: number): GridColumn<T> {
  return {
    id: 'status',
    header: 'Status',
    width,
    render: (item) => <span className={`status status-${item.status}`}>{item.status}</span>,
  };
}

/** The id the phone system gave a row's record, if any. */
export function idColumn<T extends { id?: string | undefined }>(width: number): GridColumn<T> {
  return {
    id: 'id',
    header: 'ID',
    width,
    render: (item) => item.id ?? '',
    decorate: (item) => ({ title: item.id }),
  };
}
