import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { problemLocation, type ProblemItem } from './review-model';

/** Height of one problem entry; fixed so the list can be virtualised without measuring. */
const ITEM_HEIGHT = 68;

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  problems: readonly ProblemItem[];
  /** Called with the source row number when a problem is chosen. */
  onSelect: (row: number) => void;
}

/**
 * Every problem found, one line each ("Row 7 · Work Email: …"), virtualised because a bad
 * export can have one per row. Choosing one scrolls the table to its row.
 */
export function ProblemList({ problems, onSelect }: ProblemListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render, which React Compiler cannot
  // memoise; this component is meant to re-render on scroll, so it simply stays uncompiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: problems.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 8,
  });
  const errors = problems.filter((problem) => problem.severity === 'error').length;

  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title" className="section-title problems-title">
        Problems <span className="muted">({problems.length.toLocaleString()})</span>
      </h2>
      {problems.length === 0 ? (
        <p className="check-ok problems-empty">No problems found.</p>
      ) : (
        <div className="problems-scroll" ref={scrollRef} data-testid="problem-list">
          <ul
            className="problems-body"
            style={{ height: virtualizer.getTotalSize() }}
            aria-label={`${problems.length} problems, ${errors} errors`}
          >
            {virtualizer.getVirtualItems().map((virtualItem) => {
              const problem = problems[virtualItem.index] as ProblemItem;
              const where = problemLocation(problem);
              return (
                <li
                  key={problem.key}
                  className="problem-slot"
                  style={{ height: ITEM_HEIGHT, transform: `translateY(${virtualItem.start}px)` }}
                >
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
