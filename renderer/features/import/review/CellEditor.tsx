import { useRef, type KeyboardEvent } from 'react';
import { focusNeighbour } from './use-cell-cursor';

/** Props of {@link CellEditor}. */
export interface CellEditorProps {
  initial: string;
  /** Accessible name: which cell this is ("Row 4, Work Email"). */
  label: string;
  /** Called once with the value typed; not called when the admin cancels. */
  onCommit: (value: string) => void;
  onCancel: () => void;
}

/**
 * The input that replaces a review grid cell while it is edited. Enter commits, Tab and
 * Shift+Tab commit and move to the next or previous cell, Escape cancels; leaving it (a
 * click elsewhere) commits, as in a spreadsheet. Focus goes back to the grid cell, so the
 * keyboard stays in the grid.
 */
export function CellEditor({ initial, label, onCommit, onCancel }: CellEditorProps) {
  // Committing moves focus out of the input, which blurs it: the blur must not commit again.
  const done = useRef(false);

  const finish = (input: HTMLInputElement, commit: boolean, move?: 'left' | 'right') => {
    if (done.current) {
      return;
    }
    done.current = true;
    const cell = input.closest<HTMLElement>('[role="cell"]');
    if (!move || !cell || !focusNeighbour(cell, move)) {
      cell?.focus();
    }
    if (commit) {
      onCommit(input.value);
    } else {
      onCancel();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The grid's own keys (arrows, Enter) must not act on the cell around the input.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(event.currentTarget, true);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish(event.currentTarget, true, event.shiftKey ? 'left' : 'right');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(event.currentTarget, false);
    }
  };

  return (
    <input
      className="grid-cell-input"
      defaultValue={initial}
      aria-label={label}
      // The editor opens because the admin asked for it (double-click, Enter, F2).
      autoFocus
      spellCheck={false}
      onFocus={(event) => event.currentTarget.select()}
      onKeyDown={onKeyDown}
      onBlur={(event) => finish(event.currentTarget, true)}
      onDoubleClick={(event) => event.stopPropagation()}
      data-testid="cell-editor"
    />
  );
}
