import './batch.css';

/** Props of {@link SecretEditsNotice}. */
export interface SecretEditsNoticeProps {
  /** How many password/PIN edits the saved batch left out (more than 0). */
  count: number;
  onDismiss: () => void;
}

/**
 * Says after "Save batch…" that edits of password and PIN cells were not written to the
 * `.batchline` file (secrets never go in plain-text files), so they must be typed again.
 */
export function SecretEditsNotice({ count, onDismiss }: SecretEditsNoticeProps) {
  return (
    <div className="batch-notice" role="status" data-testid="batch-secret-edits">
      <p>
        {count === 1
          ? '1 password/PIN edit is not saved in the batch; type it again after opening it.'
          : `${count} password/PIN edits are not saved in the batch; type them again after opening it.`}
      </p>
      <button
        type="button"
        className="btn btn-quiet"
        onClick={onDismiss}
        aria-label="Dismiss this message"
      >
        Dismiss
      </button>
    </div>
  );
}
