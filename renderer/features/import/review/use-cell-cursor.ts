import { useCallback, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';

/** A source cell of the review grid: its row number, column index and index in the list. */
export interface CellPosition {
  row: number;
  column: number;
  /** Where the row is in the list shown (all rows or the problem rows). */
  index: number;
}

/** The review grid's focused cell and the cell being edited, with the keys that move them. */
export interface CellCursor {
  active: CellPosition | undefined;
  editing: Pick<CellPosition, 'row' | 'column'> | undefined;
  /** Opens the editor on a cell (the focused one by default). */
  startEditing: (cell?: CellPosition) => void;
  stopEditing: () => void;
  /** For the element around the grid: events of every cell bubble up to it. */
  handlers: {
    onFocus: (event: FocusEvent) => void;
    onDoubleClick: (event: MouseEvent) => void;
    onKeyDown: (event: KeyboardEvent) => void;
  };
}

/** Source cells carry data-column="c<index>"; the row number column is "row". */
const SOURCE_CELL = '[role="cell"][data-column^="c"]';

/** The source cell an event happened in, and where it is; undefined elsewhere. */
function positionOf(
  target: EventTarget | null,
): { cell: HTMLElement; at: CellPosition } | undefined {
  const cell = target instanceof Element ? target.closest<HTMLElement>(SOURCE_CELL) : null;
  const row = cell?.closest<HTMLElement>('[role="row"][data-row]');
  if (!cell || !row) {
    return undefined;
  }
  return {
    cell,
    at: {
      row: Number(row.dataset.row),
      column: Number(cell.dataset.column?.slice(1)),
      // DataGrid numbers rows from 2 (the header is 1), as aria-rowindex wants.
      index: Number(row.getAttribute('aria-rowindex')) - 2,
    },
  };
}

/** The direction of a move between cells. */
export type CellMove = 'left' | 'right' | 'up' | 'down';

/**
 * Focuses the source cell next to `cell` (rows out of view are not rendered; overscan keeps
 * the next row there). Returns whether there was one.
 */
export function focusNeighbour(cell: HTMLElement, move: CellMove): boolean {
  let next: Element | null | undefined;
  if (move === 'left' || move === 'right') {
    next = move === 'left' ? cell.previousElementSibling : cell.nextElementSibling;
  } else {
    const row = cell.closest('[role="row"]');
    const at = Number(row?.getAttribute('aria-rowindex')) + (move === 'up' ? -1 : 1);
    next = row?.parentElement?.querySelector(
      `[role="row"][aria-rowindex="${at}"] [data-column="${cell.dataset.column}"]`,
    );
  }
  if (next instanceof HTMLElement && next.matches(SOURCE_CELL)) {
    next.focus();
    return true;
  }
  return false;
}

/** Focuses the grid's cell of source row `row`, column `column`, when it is rendered. */
export function focusCell(grid: ParentNode, row: number, column: number): void {
  grid
    .querySelector<HTMLElement>(`[role="row"][data-row="${row}"] [data-column="c${column}"]`)
    ?.focus();
}

const MOVES: Record<string, CellMove> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * Spreadsheet keys for the review grid: arrows move between cells, Enter or F2 (or a
 * double-click) opens the editor. Keys typed inside the editor are its own.
 */
export function useCellCursor(enabled: boolean): CellCursor {
  const [active, setActive] = useState<CellPosition>();
  const [editing, setEditing] = useState<Pick<CellPosition, 'row' | 'column'>>();

  const startEditing = useCallback(
    (cell?: CellPosition) => {
      const target = cell ?? active;
      if (enabled && target) {
        setEditing({ row: target.row, column: target.column });
      }
    },
    [active, enabled],
  );

  const onFocus = useCallback((event: FocusEvent) => {
    const found = positionOf(event.target);
    if (found && event.target === found.cell) {
      setActive(found.at);
    }
  }, []);

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      const found = positionOf(event.target);
      if (found && !(event.target instanceof HTMLInputElement)) {
        setActive(found.at);
        startEditing(found.at);
      }
    },
    [startEditing],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const found = positionOf(event.target);
      if (!found || event.target !== found.cell || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      const move = MOVES[event.key];
      if (move) {
        event.preventDefault();
        focusNeighbour(found.cell, move);
      } else if (event.key === 'Enter' || event.key === 'F2') {
        event.preventDefault();
        startEditing(found.at);
      }
    },
    [startEditing],
  );

  return {
    active,
    editing,
    startEditing,
    stopEditing: useCallback(() => setEditing(undefined), []),
    handlers: { onFocus, onDoubleClick, onKeyDown },
  };
}
