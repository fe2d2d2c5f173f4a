import { AppError } from '../../../shared/errors';

/** What came back from one HTTP exchange, or why nothing usable did. */
export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Headers; body: unknown; text: string }
  /** The request never reached the server (refused, DNS): safe to send again as is. */
  | { kind: 'not-sent'; reason: string }
  /** Sent, but the answer was lost (reset, timeout): the change may or may not have happened. */
  | { kind: 'lost'; reason: string };

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token: string;
  body?: unknown;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type FetchLike = typeof fetch;

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function causeCode(caught: unknown): string {
  const cause = (caught as { cause?: { code?: unknown; name?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') {
    return cause.code;
  }
  if (cause && typeof cause.name === 'string') {
    return cause.name;
  }
  return caught instanceof Error ? caught.name : 'UNKNOWN';
}

/**
 * Performs one request and classifies the outcome; never throws for network trouble.
 *
 * The distinction between not-sent and lost is what lets the push engine retry a create
 * blindly only when it is certain the server never saw it.
 */
export async function httpCall(
  request: HttpRequest,
  fetchImpl: FetchLike = fetch,
): Promise<HttpOutcome> {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? 30_000);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `Bearer ${request.token}`,
  };
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
  } catch (caught) {
    if (request.signal?.aborted) {
      throw new AppError('CANCELLED', 'The run was cancelled.', { cause: caught });
    }
    const code = causeCode(caught);
    if (NOT_SENT_CODES.has(code)) {
      return { kind: 'not-sent', reason: `cannot connect (${code})` };
    }
    return {
      kind: 'lost',
      reason: timeout.aborted ? 'no answer before the timeout' : `connection lost (${code})`,
    };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (caught) {
    return { kind: 'lost', reason: `answer cut off (${causeCode(caught)})` };
  }
  let body: unknown = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
  }
  return { kind: 'response', status: response.status, headers: response.headers, body, text };
}

/** The vendor's error message from a JSON body, or a short form of the raw text. */
export function vendorMessage(outcome: Extract<HttpOutcome, { kind: 'response' }>): string {
  const body = outcome.body as { message?: unknown; error?: unknown } | undefined;
  if (body && typeof body.message === 'string') {
    return body.message;
  }
  if (body && typeof body.error === 'string') {
    return body.error;
  }
  return outcome.text.slice(0, 200) || `HTTP ${outcome.status}`;
}
