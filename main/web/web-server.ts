import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppServices } from '../app/app-services';
import type { Logger } from '../lib/logger';
import { checkCaller, describeCaller } from './caller-check';
import { HEARTBEAT_MS, handleEvents } from './events-route';
import { sendFailure } from './http-io';
import { MAX_RPC_BODY_BYTES, RPC_PREFIX, handleRpc } from './rpc-route';
import { serveStatic } from './static-route';

/** Options of {@link startWebServer}; the last two exist for tests. */
export interface WebServerOptions {
  services: AppServices;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  log: Logger;
  maxBodyBytes?: number;
  heartbeatMs?: number;
}

/** A running browser-mode server. */
export interface WebServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The address to open: origin plus the secret in the fragment, which never reaches a server log. */
  url: string;
  /** Per-launch secret the renderer must send in X-Batchline-Secret. */
  secret: string;
  close(): Promise<void>;
}

const FORBIDDEN_MESSAGE = 'This caller is not allowed to talk to batchline.';

/**
 * Serves the renderer and the typed contract over HTTP on 127.0.0.1 (browser mode).
 *
 * Routes: GET static files, POST /rpc/<channel> (JSON args → JSON Result), GET /events
 * (NDJSON job events). Both API routes demand the per-launch secret, our exact Host (DNS
 * rebinding) and, when present, our own Origin. Never binds anything but loopback.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { services, staticDir, log } = opts;
  const secret = randomBytes(32).toString('base64url');
  const maxBodyBytes = opts.maxBodyBytes ?? MAX_RPC_BODY_BYTES;
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
  const streams = new Set<() => void>();
  let origin = '';

  const refuse = (req: IncomingMessage, res: ServerResponse, pathname: string, reason: string) => {
    log.warn('web.refused', {
      method: req.method,
      path: pathname.slice(0, 80),
      caller: describeCaller(req),
      reason,
    });
    sendFailure(res, 403, 'IPC_FORBIDDEN', FORBIDDEN_MESSAGE);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const isRpc = pathname.startsWith(RPC_PREFIX);
    if (isRpc || pathname === '/events') {
      const verdict = checkCaller(req, { secret, origin });
      if (!verdict.trusted) {
        refuse(req, res, pathname, verdict.reason);
        return;
      }
      if (isRpc && req.method === 'POST') {
        await handleRpc(req, res, { router: services.router, log, maxBodyBytes, pathname });
        return;
      }
      if (!isRpc && req.method === 'GET') {
        const end = handleEvents(req, res, { events: services.events, log, heartbeatMs });
        streams.add(end);
        res.on('close', () => streams.delete(end));
        return;
      }
      log.warn('web.refused', {
        method: req.method,
        path: pathname.slice(0, 80),
        caller: describeCaller(req),
        reason: 'method not allowed',
      });
      sendFailure(
        res,
        405,
        'IPC_INVALID_ARGS',
        `${req.method ?? '?'} is not allowed on ${pathname.slice(0, 80)}.`,
        {
          Allow: isRpc ? 'POST' : 'GET',
        },
      );
      return;
    }
    await serveStatic(req, res, { staticDir, origin, pathname, log });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((caught: unknown) => {
      log.error('web.failed', {
        message: caught instanceof Error ? caught.message : String(caught),
      });
      if (!res.headersSent) {
        sendFailure(res, 500, 'INTERNAL', 'batchline failed to answer this request.');
      } else {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: browser mode must never be reachable from the network.
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  log.info('web.listening', { origin });

  return {
    origin,
    url: `${origin}/#k=${secret}`,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of [...streams]) {
          end();
        }
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
