import type { Invoke } from '../../shared/ipc/api';
import type { SerializedAppError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { hasLargeArg, type PostLarge } from './off-thread-post';

/** The header browser mode's server checks the per-launch secret in. */
export const SECRET_HEADER = 'X-Batchline-Secret';

/** What the HTTP transport needs; `base` is '' in the page (same origin) and absolute in tests. */
export interface HttpTransportOptions {
  base: string;
  secret: string | null;
  fetch: typeof fetch;
  /**
   * Posts a request with a large argument (an upload) off the UI thread; absent, or for
   * small requests, `fetch` posts it from the page.
   */
  postLarge?: PostLarge | undefined;
}

function failure(
  code: SerializedAppError['code'],
  message: string,
  retryable: boolean,
): Result<never> {
  return { ok: false, error: { code, message, retryable } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) {
    return false;
  }
  const { ok } = value;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

/**
 * Sends requests as POST /rpc/<channel> with the secret header; resolves to the server's
 * Result and never rejects, exactly like the Electron preload's invoke.
 *
 * Transport trouble becomes a Result too: NETWORK (retryable) when the server is gone,
 * INTERNAL when it answers something that is not a Result.
 */
export function createHttpInvoke(options: HttpTransportOptions): Invoke {
  const { base, secret } = options;
  return async (channel, args) => {
    if (secret === null) {
      return failure(
        'IPC_FORBIDDEN',
        'This page has no session key. Open the address that "npm run web" printed (it ends in #k=…).',
        false,
      );
    }
    let response: Response;
    try {
      const url = `${base}/rpc/${channel}`;
      const headers = { 'Content-Type': 'application/json', [SECRET_HEADER]: secret };
      const post = () =>
        options.fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(args ?? {}),
          cache: 'no-store',
          credentials: 'omit',
        });
      // Large requests are uploads (import:open, batch:open), which only read: if the worker
      // cannot post one, posting it again from the page is safe.
      response =
        options.postLarge && hasLargeArg(args)
          ? await options.postLarge(url, headers, args).catch(post)
          : await post();
    } catch {
      return failure(
        'NETWORK',
        'Lost contact with batchline. Is the batchline window or "npm run web" still running?',
        true,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure(
        'INTERNAL',
        `batchline answered ${channel} with HTTP ${response.status} and no readable result.`,
        false,
      );
    }
    return isResult(body)
      ? body
      : failure(
          'INTERNAL',
          `batchline answered ${channel} with something that is not a result.`,
          false,
        );
  };
}
