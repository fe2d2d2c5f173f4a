import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import {
  SECURITY_HEADERS,
  cacheControlFor,
  contentTypeFor,
  resolveStaticPath,
} from '../web/static-assets';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * Declares `app://` a standard, secure scheme. Must run before the app is ready.
 *
 * Standard gives it a real origin (`app://batchline`) for the sender check and relative
 * URLs; secure makes it a secure context. No CORS, no service workers: the renderer only
 * ever talks to main through the preload.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Serves the built renderer under app://batchline/ with the same CSP and security headers
 * as browser mode. Call once the app is ready.
 *
 * Path traversal and other hosts get 404, exactly like the browser-mode server.
 */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return plain(404, 'Not found');
    }
    const filePath = resolveStaticPath(rendererDir, url.pathname);
    if (filePath === null) {
      return plain(404, 'Not found');
    }
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'Content-Type': contentTypeFor(filePath),
          'Cache-Control': cacheControlFor(filePath),
        },
      });
    } catch {
      return plain(404, 'Not found');
    }
  });
}
