import type { SerializedAppError } from '../../shared/errors';
import { describeError } from '../app/describe-error';

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  error: SerializedAppError;
  onDismiss?: () => void;
  /** Offered only when the error says a retry may help. */
  onRetry?: () => void;
}

/**
 * A failed bridge call, shown as a readable banner (role=alert) instead of a crash.
 *
 * Heading from the error code, then main's own message (which names file, row or request),
 * then a next step.
 */
export function ErrorBanner({ error, onDismiss, onRetry }: ErrorBannerProps) {
  const { title, hint } = describeError(error);
  return (
    <div
      className="banner banner-error"
      role="alert"
      data-testid="error-banner"
      data-error-code={error.code}
    >
      <div className="banner-body">
        <strong className="banner-title">{title}</strong>
        {error.message && error.message !== title ? (
          <p className="banner-message">{error.message}</p>
        ) : null}
        {hint ? <p className="banner-hint">{hint}</p> : null}
      </div>
      <div className="banner-actions">
        {onRetry && error.retryable ? (
          <button type="button" className="btn" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {onDismiss ? (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={onDismiss}
            aria-label="Dismiss this message"
          >
            Dismiss
          </button>
        ) : null}
      </div>
    </div>
  );
}
