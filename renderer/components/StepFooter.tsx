import type { ReactNode } from 'react';

/** Props of {@link StepFooter}. */
export interface StepFooterProps {
  /** Omit on the first screen, where there is nothing to go back to. */
  onBack?: () => void;
  backDisabled?: boolean;
  /** Why Back is disabled, as its tooltip and accessible description. */
  backHint?: string;
  /** A note beside the actions, e.g. why Continue is disabled. */
  note?: ReactNode;
  /** The step's forward actions, primary last. */
  children?: ReactNode;
}

/**
 * The bar at the bottom of each step: Back on the left, a note, then the forward actions.
 */
export function StepFooter({ onBack, backDisabled, backHint, note, children }: StepFooterProps) {
  return (
    <footer className="step-footer">
      {onBack ? (
        <button
          type="button"
          className="btn"
          onClick={onBack}
          disabled={backDisabled}
          title={backHint}
          data-testid="back-button"
        >
          ← Back
        </button>
      ) : null}
      <div className="step-footer-note">{note}</div>
      <div className="step-footer-actions">{children}</div>
    </footer>
  );
}
