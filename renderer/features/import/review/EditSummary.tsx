import { countOf } from '../../../app/format';

/** Props of {@link EditSummary}. */
export interface EditSummaryProps {
  editedCells: number;
  /** Edits sent and not checked yet. */
  pending: number;
  onUndoAll: () => void;
}

/** "3 cells edited · Undo all edits": how far the table is from the file, and the way back. */
export function EditSummary({ editedCells, pending, onUndoAll }: EditSummaryProps) {
  if (editedCells === 0 && pending === 0) {
    return null;
  }
  return (
    <span className="edit-summary" aria-live="polite">
      <span className="edit-summary-dot" aria-hidden="true" />
      <span data-testid="edited-count">{countOf(editedCells, 'cell')} edited</span>
      {pending > 0 ? <span className="muted">· checking…</span> : null}
      <button
        type="button"
        className="btn btn-quiet"
        onClick={onUndoAll}
        disabled={editedCells === 0 || pending > 0}
        data-testid="undo-all-edits"
      >
        Undo all edits
      </button>
    </span>
  );
}
