import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SerializedAppError } from '../../shared/errors';
import { fail, type Result } from '../../shared/result';
import { SECURITY_HEADERS } from './static-assets';

/** Writes a Result (or any JSON) with our security headers; never cached. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

/** Answers with a failed Result; the HTTP status is for proxies and logs, the Result for the renderer. */
export function sendFailure(
  res: ServerResponse,
  status: number,
  code: SerializedAppError['code'],
  message: string,
  extra: Record<string, string> = {},
): void {
  const result: Result<never> = fail({ code, message, retryable: false });
  sendJson(res, status, result, extra);
}

/** What reading a request body produced. */
export type BodyOutcome =
  { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body as UTF-8 text, stopping at `limit` bytes.
 *
 * A declared Content-Length past the limit is refused before a byte is read; an undeclared
 * (chunked) body is counted as it arrives, so a liar cannot make us buffer more than limit.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ kind: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) {
        return;
      }
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle({ kind: 'ok', text: Buffer.concat(chunks, size).toString('utf8') }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}
