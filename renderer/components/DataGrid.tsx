import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useRef,
  type CSSProperties,
  type ReactNode,
  type Ref,
} from 'react';

/** The attributes a column may put on one of its cells (an outline, a tooltip). */
export interface CellDecoration {
  className?: string;
  title?: string;
  /** Marks the cell for tests and styles: "error" or "warning". */
  issue?: 'error' | 'warning';
  /** Marks a cell the admin changed (data-edited="true"). */
  edited?: boolean;
  /** Makes the cell focusable: 0 for the one cell Tab stops at, -1 for the others. */
  tabIndex?: number;
}

/** One column of a {@link DataGrid}. */
export interface GridColumn<T> {
  id: string;
  header: string;
  /** Width in pixels; the last column also takes any spare room. */
  width: number;
  render: (item: T) => ReactNode;
  decorate?: (item: T) => CellDecoration | undefined;
}

/** What a parent can do to a grid it holds a ref to. */
export interface DataGridHandle {
  scrollToIndex(index: number): void;
}

/**
 * The rows of a {@link DataGrid}: all of them in memory (`items`), or `count` rows read with
 * `itemAt`, which answers undefined for a row still loading (a placeholder row is shown);
 * `onRangeChange` then hears which rows are in view, to fetch them.
 */
export type GridRows<T> =
  | { items: readonly T[]; count?: never; itemAt?: never; onRangeChange?: never }
  | {
      items?: never;
      count: number;
      itemAt: (index: number) => T | undefined;
      onRangeChange?: (first: number, last: number) => void;
    };

/** Props of {@link DataGrid}. */
export type DataGridProps<T> = GridRows<T> & {
  columns: readonly GridColumn<T>[];
  rowKey: (item: T) => string | number;
  /** Accessible name of the table. */
  label: string;
  testId: string;
  emptyMessage: string;
  rowHeight?: number;
  /** Extra attributes on a row: a status class, a data-row for tests. */
  rowClassName?: (item: T) => string | undefined;
  rowData?: (item: T) => string;
  highlightedKey?: string | number;
  ref?: Ref<DataGridHandle>;
};

/**
 * A read-only table that renders only the rows in view, so 100,000 rows scroll smoothly.
 *
 * Rows have one fixed height (no measuring); the header stays on top while the body scrolls
 * both ways. It uses table roles with aria-rowcount and aria-rowindex, so screen readers
 * know how big the whole table is even though most rows are not in the DOM.
 */
export function DataGrid<T>(props: DataGridProps<T>) {
  const {
    columns,
    rowKey,
    label,
    testId,
    emptyMessage,
    rowHeight = 30,
    rowClassName,
    rowData,
    highlightedKey,
    ref,
  } = props;
  const { items, onRangeChange } = props;
  const count = items ? items.length : props.count;
  const itemAt = items ? (index: number) => items[index] : props.itemAt;
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render, which React Compiler cannot
  // memoise; this component is meant to re-render on scroll, so it simply stays uncompiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const first = virtualRows[0]?.index ?? 0;
  const last = virtualRows[virtualRows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) {
      onRangeChange?.(first, last);
    }
  }, [first, last, onRangeChange]);
  useImperativeHandle(
    ref,
    () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'center' }) }),
    [virtualizer],
  );

  const template = columns
    .map((column, index) =>
      index === columns.length - 1 ? `minmax(${column.width}px, 1fr)` : `${column.width}px`,
    )
    .join(' ');
  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);

  return (
    <div
      className="grid-scroll"
      ref={scrollRef}
      tabIndex={0}
      role="table"
      aria-label={label}
      aria-rowcount={count + 1}
      data-testid={testId}
      style={{ '--row-height': `${rowHeight}px` } as CSSProperties}
    >
      <div
        className="grid-header"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template, minWidth: totalWidth }}
      >
        {columns.map((column) => (
          <div
            key={column.id}
            role="columnheader"
            className="grid-cell grid-head-cell"
            title={column.header}
          >
            {column.header}
          </div>
        ))}
      </div>
      {count === 0 ? (
        <p className="grid-empty">{emptyMessage}</p>
      ) : (
        <div
          className="grid-body"
          role="rowgroup"
          style={{ height: virtualizer.getTotalSize(), minWidth: totalWidth }}
        >
          {virtualRows.map((virtualRow) => {
            const item = itemAt(virtualRow.index);
            if (item === undefined) {
              // Not loaded yet: a row of the same height, so nothing moves when it arrives.
              return (
                <div
                  key={`loading-${virtualRow.index}`}
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  aria-busy="true"
                  className={`grid-row grid-row-loading ${virtualRow.index % 2 === 1 ? 'grid-row-alt' : ''}`}
                  style={{
                    gridTemplateColumns: template,
                    height: rowHeight,
                    transform: `translateY(${virtualRow.start}px)`,
                  }}
                >
                  {columns.map((column, index) => (
                    <div key={column.id} role="cell" className="grid-cell muted">
                      {index === 0 ? '…' : ''}
                    </div>
                  ))}
                </div>
              );
            }
            const key = rowKey(item);
            const extra = rowClassName?.(item) ?? '';
            return (
              <div
                key={key}
                role="row"
                aria-rowindex={virtualRow.index + 2}
                className={`grid-row ${virtualRow.index % 2 === 1 ? 'grid-row-alt' : ''} ${key === highlightedKey ? 'grid-row-highlight' : ''} ${extra}`}
                data-row={rowData?.(item)}
                style={{
                  gridTemplateColumns: template,
                  height: rowHeight,
                  transform: `translateY(${virtualRow.start}px)`,
                }}
              >
                {columns.map((column) => {
                  const decoration = column.decorate?.(item);
                  return (
                    <div
                      key={column.id}
                      role="cell"
                      className={`grid-cell ${decoration?.issue ? `grid-cell-${decoration.issue}` : ''} ${decoration?.className ?? ''}`}
                      title={decoration?.title}
                      data-issue={decoration?.issue}
                      data-edited={decoration?.edited ? 'true' : undefined}
                      tabIndex={decoration?.tabIndex}
                      data-column={column.id}
                    >
                      {column.render(item)}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
