import type { IncomingMessage } from 'node:http';
import type { RequestNotes } from './sim-http-server';

/** Body size past which simulators answer 413 unless configured otherwise. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A request body read in full, or the reason it could not be used. */
export type BodyResult =
  { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large'; size: number };

/**
 * Reads a request body, refusing it once it passes `maxBytes`.
 *
 * Past the limit it keeps draining (and discarding) rather than answering at once, because
 * answering while the client is still writing makes many clients report a reset instead of
 * the 413 we want them to see.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= maxBytes) {
      chunks.push(buffer);
    }
  }
  if (size > maxBytes) {
    return { ok: false, reason: 'too-large', size };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Parsed JSON, or the parser's complaint. An empty body is an error: every POST we simulate needs one. */
export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses a body as UTF-8 JSON. */
export function parseJson(bytes: Buffer): JsonResult {
  const text = bytes.toString('utf8');
  if (text.trim() === '') {
    return { ok: false, message: 'Request body is empty.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `Request body is not valid JSON: ${(error as Error).message}` };
  }
}

/** The bearer token of a request, as every simulated API reads it; undefined without one. */
export function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** A JSON body, or why it cannot be used: too large (413) or not JSON (400). */
export type JsonBodyResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'too-large' }
  | { ok: false; reason: 'invalid'; message: string };

/**
 * Reads and parses a JSON request body, noting its size for the request log. Each simulator
 * turns a failure into its own vendor's error shape.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes: number,
  notes: RequestNotes,
): Promise<JsonBodyResult> {
  const read = await readBody(req, maxBytes);
  if (!read.ok) {
    notes.bodyBytes = read.size;
    return { ok: false, reason: 'too-large' };
  }
  notes.bodyBytes = read.bytes.length;
  const parsed = parseJson(read.bytes);
  return parsed.ok ? parsed : { ok: false, reason: 'invalid', message: parsed.message };
}
