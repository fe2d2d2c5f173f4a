import { DismissibleNotice } from './DismissibleNotice';

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
    <DismissibleNotice testId="batch-secret-edits" onDismiss={onDismiss}>
      {count === 1
        ? '1 password/PIN edit is not saved in the batch; type it again after opening it.'
        : `${count} password/PIN edits are not saved in the batch; type them again after opening it.`}
    </DismissibleNotice>
  );
}
