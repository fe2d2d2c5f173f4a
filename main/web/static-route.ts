import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../lib/logger';
import {
  SECURITY_HEADERS,
  cacheControlFor,
  contentTypeFor,
  resolveStaticPath,
} from './static-assets';

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

async function fileSize(filePath: string): Promise<number | null> {
  try {
    const info = await stat(filePath);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/**
 * Serves one file of the built renderer (GET/HEAD).
 *
 * The files are public (the bundle holds no data), but a request under a foreign Host is
 * still refused so a DNS-rebinding page cannot pose as us; `localhost` is redirected to
 * 127.0.0.1, and browsers keep the #k= fragment across that redirect.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { staticDir: string; origin: string; pathname: string; log: Logger },
): Promise<void> {
  const ownHost = new URL(deps.origin).host;
  const host = req.headers.host ?? '';
  if (host !== ownHost) {
    if (host === `localhost:${new URL(deps.origin).port}`) {
      sendText(res, 307, 'Moved to 127.0.0.1', { Location: `${deps.origin}${deps.pathname}` });
      return;
    }
    deps.log.warn('web.refused', {
      method: req.method,
      path: deps.pathname.slice(0, 80),
      reason: 'foreign host',
    });
    sendText(res, 403, 'Forbidden');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const filePath = resolveStaticPath(deps.staticDir, deps.pathname);
  const size = filePath === null ? null : await fileSize(filePath);
  if (filePath === null || size === null) {
    sendText(res, 404, 'Not found');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(filePath),
    'Content-Length': size,
    'Cache-Control': cacheControlFor(filePath),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A tab closed mid-download is not our failure: drop the socket quietly.
  await pipeline(createReadStream(filePath), res).catch(() => res.destroy());
}
