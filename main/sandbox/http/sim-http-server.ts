import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestLog, RequestLogEntry } from './request-log';

/** A JSON answer: status, body (serialised as JSON unless undefined) and extra headers. */
export interface JsonReply {
  kind: 'json';
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Tear the connection down without answering, as a proxy or crashing server would. */
export interface DropReply {
  kind: 'drop';
}

/** What a simulator's handler decides for one request. */
export type SimReply = JsonReply | DropReply;

/** The log fields a handler may fill in while it works (the server fills in the rest). */
export type RequestNotes = Pick<RequestLogEntry, 'route' | 'items' | 'fault' | 'bodyBytes'>;

/** Handles one request; `notes` is where it records route, fault and body size for the log. */
export type SimHandler = (req: IncomingMessage, notes: RequestNotes) => Promise<SimReply>;

/** Where and how a simulator listens. */
export interface SimServerOptions {
  host: string;
  port: number;
  latencyMs: number;
  log: RequestLog;
  now: () => number;
  handle: SimHandler;
  /** Body sent when the handler throws; the vendor's error shape. */
  internalError: () => JsonReply;
}

/** A listening simulator server. */
export interface RunningSimServer {
  /** `http://host:port`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Builds a JSON reply. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): JsonReply {
  return { kind: 'json', status, body, headers };
}

function send(res: ServerResponse, reply: JsonReply): void {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(payload === '' ? {} : { 'Content-Type': 'application/json;charset=UTF-8' }),
    'Content-Length': String(Buffer.byteLength(payload)),
    ...reply.headers,
  });
  res.end(payload);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts an HTTP server that runs `handle` for every request, applies latency, writes or
 * drops the reply and logs the exchange.
 *
 * Shared by every vendor simulator so they differ only in routes, rules and error shapes.
 */
export async function startSimServer(options: SimServerOptions): Promise<RunningSimServer> {
  const server = createServer((req, res) => {
    const time = options.now();
    const started = performance.now();
    const notes: RequestNotes = { bodyBytes: Number(req.headers['content-length'] ?? 0) || 0 };
    const finish = (status: number | null) => {
      const durationMs = Math.round(performance.now() - started);
      const entry = { method: req.method ?? 'GET', path: req.url ?? '/', status, time, durationMs };
      options.log.add({ ...entry, ...notes });
    };
    void (async () => {
      if (options.latencyMs > 0) {
        await delay(options.latencyMs);
      }
      let reply: SimReply;
      try {
        reply = await options.handle(req, notes);
      } catch {
        reply = options.internalError();
      }
      if (reply.kind === 'drop') {
        finish(null);
        req.socket.destroy();
        return;
      }
      finish(reply.status);
      send(res, reply);
    })();
  });
  // Node's default keep-alive timeout (5 s) can outlive a test's close(); closeAllConnections
  // below handles that, and a short timeout keeps the sandbox from hoarding sockets.
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
