import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { problemLocation, type ProblemItem } from './review-model';
import type { PagedList } from './use-row-pages';

/** Height of one problem entry; fixed so the list can be virtualised without measuring. */
const ITEM_HEIGHT = 68;

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  /** Every problem of the file, in row order, fetched a page at a time. */
  problems: PagedList<ProblemItem>;
  /** How many of them are errors. */
  errors: number;
  /** Called with the source row number when a problem is chosen. */
  onSelect: (row: number) => void;
}

/**
 * Every problem found, one line each ("Row 7 · Work Email: …"), virtualised because a bad
 * export can have one per row. Choosing one scrolls the table to its row.
 */
export function ProblemList({ problems, errors, onSelect }: ProblemListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render, which React Compiler cannot
  // memoise; this component is meant to re-render on scroll, so it simply stays uncompiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: problems.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { onRangeChange } = problems;
  useEffect(() => {
    if (last >= first) {
      onRangeChange(first, last);
    }
  }, [first, last, onRangeChange]);

  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title" className="section-title problems-title">
        Problems <span className="muted">({problems.total.toLocaleString()})</span>
      </h2>
      {problems.total === 0 ? (
        <p className="check-ok problems-empty">No problems found.</p>
      ) : (
        <div className="problems-scroll" ref={scrollRef} data-testid="problem-list">
          <ul
            className="problems-body"
            style={{ height: virtualizer.getTotalSize() }}
            aria-label={`${problems.total} problems, ${errors} errors`}
          >
            {items.map((virtualItem) => {
              const problem = problems.itemAt(virtualItem.index);
              const slot = {
                height: ITEM_HEIGHT,
                transform: `translateY(${virtualItem.start}px)`,
              };
              if (problem === undefined) {
                return (
                  <li
                    key={`loading-${virtualItem.index}`}
                    className="problem-slot"
                    style={slot}
                    aria-busy="true"
                  >
                    <span className="problem muted">…</span>
                  </li>
                );
              }
              const where = problemLocation(problem);
              return (
                <li key={`p${virtualItem.index}`} className="problem-slot" style={slot}>
                  <button
                    type="button"
                    className={`problem problem-${problem.severity}`}
                    onClick={() => onSelect(problem.row)}
                    title={`${where}: ${problem.message}`}
                    data-testid="problem-item"
                    data-row={problem.row}
                    data-severity={problem.severity}
                  >
                    <span className="problem-where">
                      <span className="problem-dot" aria-hidden="true" />
                      {where}
                      <span className="visually-hidden">
                        {problem.severity === 'error' ? ' (error)' : ' (warning)'}:
                      </span>
                    </span>
                    <span className="problem-message">{problem.message}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
