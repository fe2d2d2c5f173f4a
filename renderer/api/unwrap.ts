import type { AppErrorCode, SerializedAppError } from '../../shared/errors';
import type { Result } from '../../shared/result';

/**
 * A failed Result turned into an exception inside the renderer, carrying the error as data.
 *
 * Switch on `code` (ending in assertNever) rather than parsing `message`; `message` is
 * written for the admin and may be shown as is.
 */
export class BridgeError extends Error {
  readonly error: SerializedAppError;
  readonly code: AppErrorCode;
  readonly retryable: boolean;

  constructor(error: SerializedAppError) {
    super(error.message);
    this.name = 'BridgeError';
    this.error = error;
    this.code = error.code;
    this.retryable = error.retryable;
  }
}

/**
 * The value of a successful Result, or a thrown {@link BridgeError}.
 *
 * For UI code that prefers `try/catch` (or a query library that expects rejections);
 * the bridge itself never throws.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) {
    return result.value;
  }
  throw new BridgeError(result.error);
}

/** Narrows anything caught to a BridgeError. */
export function isBridgeError(caught: unknown): caught is BridgeError {
  return caught instanceof BridgeError;
}
