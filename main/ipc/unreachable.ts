import { AppError, toSerializedError } from '../../shared/errors';

/**
 * A connection that cannot be reached, said so the admin knows nothing is lost: the file,
 * mapping and edits stay prepared, and a saved batch can be pushed later from any computer.
 *
 * Only NETWORK failures are rephrased; anything else (a refused sign-in, a bad request) is
 * returned as it was, since "push when online" would be the wrong advice for it.
 */
export function unreachableError(label: string, caught: unknown): AppError | undefined {
  const error = toSerializedError(caught);
  if (error.code !== 'NETWORK') {
    return undefined;
  }
  const reason = error.message.replace(/[.\s]+$/, '');
  return new AppError(
    'NETWORK',
    `${label} cannot be reached (${reason}). Nothing was sent, and your batch is kept: use “Save batch…” to keep it in a file and push when online.`,
    { retryable: true, cause: caught },
  );
}
