import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../app/event-hub';
import type { Logger } from '../lib/logger';
import { SECURITY_HEADERS } from './static-assets';

/** How often an idle stream sends `{}` so proxies, sleeping laptops and the client notice a dead link. */
export const HEARTBEAT_MS = 15_000;

/**
 * A client that stops reading while events keep coming is cut off past this many buffered
 * bytes; it reconnects and reloads state with jobs:get, which beats growing without bound.
 */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * Streams job events to one trusted client as NDJSON: one JobEvent per line, `{}` heartbeats.
 *
 * A heartbeat goes out at once so the client knows the stream is live (and so fetch
 * resolves without waiting for the first event). Returns a function that ends the stream,
 * used when the server shuts down.
 */
export function handleEvents(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { events: EventHub; log: Logger; heartbeatMs: number },
): () => void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  req.socket.setNoDelay(true);
  let open = true;
  const write = (line: string) => {
    if (!open) {
      return;
    }
    res.write(`${line}\n`);
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      deps.log.warn('web.events.dropped', { reason: 'client not reading' });
      end();
    }
  };
  const unsubscribe = deps.events.subscribe((event) => write(JSON.stringify(event)));
  const heartbeat = setInterval(() => write('{}'), deps.heartbeatMs);
  heartbeat.unref();
  function end(): void {
    if (!open) {
      return;
    }
    open = false;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  }
  res.on('close', end);
  write('{}');
  return end;
}
