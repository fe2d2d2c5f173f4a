import { AppError } from '../../../shared/errors';
import { httpCall, type FetchLike, type HttpOutcome, type HttpRequest } from './http-call';
import type { TokenSource } from './token-source';

/**
 * One request with the connection's current token; on a 401 a renewable token is refreshed
 * once and the request sent again. A refused refresh comes back as a 401 outcome whose text
 * says why, so the run stops as "needs sign-in" with its journal intact.
 *
 * Sending again after a 401 is safe: the target refused the request before acting on it.
 */
export async function authorizedCall(
  auth: TokenSource,
  request: Omit<HttpRequest, 'token'>,
  fetchImpl?: FetchLike,
): Promise<HttpOutcome> {
  const token = await auth.current();
  const first = await httpCall({ ...request, token }, fetchImpl);
  if (first.kind !== 'response' || first.status !== 401 || !auth.refresh) {
    return first;
  }
  let renewed: string;
  try {
    renewed = await auth.refresh(token);
  } catch (caught) {
    const reason = caught instanceof AppError ? caught.message : 'the token could not be renewed';
    return { ...first, body: { message: reason }, text: reason };
  }
  return httpCall({ ...request, token: renewed }, fetchImpl);
}
