import { z } from 'zod';

/** Every error code that may cross a process boundary; renderer switches end in assertNever. */
export const AppErrorCode = z.enum([
  'USAGE',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'PARSE_FAILED',
  'MAPPING_INCOMPLETE',
  'AUTH_MISSING',
  'AUTH_EXPIRED',
  'RATE_LIMITED',
  'CONFLICT',
  'REMOTE_REJECTED',
  'NETWORK',
  'CANCELLED',
  'NOT_FOUND',
  // A saved `.batchline` file that cannot be used: not a batch, newer, damaged, or not the
  // file it was prepared from.
  'BATCH_INVALID',
  'IPC_INVALID_ARGS',
  'IPC_FORBIDDEN',
  'INTERNAL',
]);
export type AppErrorCode = z.infer<typeof AppErrorCode>;

/** An error as data: what crosses IPC, lands in journals and is shown to the admin. */
export const SerializedAppError = z.object({
  code: AppErrorCode,
  message: z.string(),
  retryable: z.boolean(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type SerializedAppError = z.infer<typeof SerializedAppError>;

/**
 * The error thrown inside main and the CLI; handlers turn it into a Result.
 *
 * `message` must be fit to show an admin: it names what failed and where.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { retryable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  /** The serialisable form; the cause stays behind because it may hold request details. */
  toJSON(): SerializedAppError {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** Turns anything caught into a SerializedAppError without leaking stack traces. */
export function toSerializedError(caught: unknown): SerializedAppError {
  if (caught instanceof AppError) {
    return caught.toJSON();
  }
  const message = caught instanceof Error ? caught.message : String(caught);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}`, retryable: false };
}

/** Exhaustiveness guard for switches over closed unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
