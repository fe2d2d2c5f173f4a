import type { SerializedAppError } from './errors';

/**
 * The value every handler returns across the IPC or HTTP bridge.
 *
 * Nothing is thrown across the boundary: a failure is data with a code, so the renderer can
 * switch on it instead of parsing an error message.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedAppError };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error as a failed Result. */
export function fail<T = never>(error: SerializedAppError): Result<T> {
  return { ok: false, error };
}
