import type { ReactNode } from 'react';
import './batch.css';

// Shared so every batch notice has the same status role, layout and Dismiss button.
/** Props of {@link DismissibleNotice}. */
export interface DismissibleNoticeProps {
  testId: string;
  onDismiss: () => void;
  /** What the notice says (inside its paragraph). */
  children: ReactNode;
}

/** A batch notice (role=status) with a Dismiss button. */
export function DismissibleNotice({ testId, onDismiss, children }: DismissibleNoticeProps) {
  return (
    <div className="batch-notice" role="status" data-testid={testId}>
      <p>{children}</p>
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
