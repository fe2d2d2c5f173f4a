import { AppError } from '../../../shared/errors';

/** Why a run stopped before every batch was tried. */
export interface RunStop {
  reason: string;
  code: 'CANCELLED' | 'AUTH_EXPIRED' | 'RATE_LIMITED' | 'NETWORK';
}

/** Message prefixes of rows a stopped run leaves open; a resume picks them up again. */
export const NOT_SENT = 'not sent: ';
export const NOT_CONFIRMED = 'sent, but not confirmed: ';

/** Thrown inside a run to stop every worker; caught by the runner, never by callers. */
export class StopRun extends Error {
  constructor(
    readonly code: RunStop['code'],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turns what a worker caught into a reason to stop the run, or rethrows a real bug.
 *
 * A lookup that cannot be done (target down, sign-in refused, quota gone) stops the run as
 * resumable: sending without looking could create a user twice.
 */
export function stopReasonOf(caught: unknown): RunStop {
  if (caught instanceof StopRun) {
    return { code: caught.code, reason: caught.message };
  }
  if (caught instanceof AppError) {
    if (caught.code === 'CANCELLED') {
      return { code: 'CANCELLED', reason: 'the run was cancelled' };
    }
    if (
      caught.code === 'NETWORK' ||
      caught.code === 'AUTH_EXPIRED' ||
      caught.code === 'RATE_LIMITED'
    ) {
      return { code: caught.code, reason: caught.message };
    }
  }
  throw caught;
}
