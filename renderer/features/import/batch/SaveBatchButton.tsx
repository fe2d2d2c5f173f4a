/** Props of {@link SaveBatchButton}. */
export interface SaveBatchButtonProps {
  onSave: () => void;
  disabled: boolean;
}

/**
 * "Save batch…": the prepared import (source file fingerprint, mapping, edits, target) as a
 * `.batchline` file, to push later or from another computer.
 */
export function SaveBatchButton({ onSave, disabled }: SaveBatchButtonProps) {
  return (
    <button
      type="button"
      className="btn"
      onClick={onSave}
      disabled={disabled}
      title="Keep this file's mapping, edits and target in a .batchline file, to push later or on another computer"
      data-testid="save-batch"
    >
      Save batch…
    </button>
  );
}
