import { AppError } from '../../../../shared/errors';
import type { FetchLike } from '../../http/http-call';
import type { TokenSource } from '../../http/token-source';

/** Zoom's token endpoint for Server-to-Server OAuth apps. */
export const ZOOM_OAUTH_URL = 'https://zoom.us/oauth/token';

/** A Server-to-Server OAuth app's credentials; read from the environment or the keychain. */
export interface ZoomOAuthCredentials {
  accountId: string;
  clientId: string;
  clientSecret: string;
  oauthUrl: string;
}

interface Held {
  token: string;
  expiresAt: number;
}

/**
 * A token source for Zoom Server-to-Server OAuth (account_credentials grant).
 *
 * One token is shared by every worker of a run, because Zoom invalidates the previous token
 * when a new one is issued: refreshes are single-flight, and a refresh asked for a token that
 * was already replaced returns the replacement instead of minting another. Tokens are renewed
 * a minute before they expire, and once when the API answers 401.
 */
export function createZoomOAuthTokenSource(
  credentials: ZoomOAuthCredentials,
  options: { fetch?: FetchLike; now?: () => number; marginMs?: number } = {},
): TokenSource & { issued(): number } {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const margin = options.marginMs ?? 60_000;
  let held: Held | undefined;
  let pending: Promise<Held> | undefined;
  let issued = 0;

  const mint = async (): Promise<Held> => {
    const url = new URL(credentials.oauthUrl);
    url.searchParams.set('grant_type', 'account_credentials');
    url.searchParams.set('account_id', credentials.accountId);
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
      'base64',
    );
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(30_000),
      });
    } catch (caught) {
      throw new AppError('NETWORK', `Cannot reach Zoom's sign-in service (${url.host}).`, {
        retryable: true,
        cause: caught,
      });
    }
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
      reason?: unknown;
      error?: unknown;
    };
    if (!response.ok || typeof body.access_token !== 'string') {
      const reason =
        typeof body.reason === 'string'
          ? body.reason
          : typeof body.error === 'string'
            ? body.error
            : `HTTP ${response.status}`;
      throw new AppError(
        'AUTH_EXPIRED',
        `Zoom refused to sign in with the Server-to-Server OAuth credentials: ${reason}. The run needs sign-in.`,
      );
    }
    issued += 1;
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    return { token: body.access_token, expiresAt: now() + seconds * 1000 };
  };

  const renew = (): Promise<Held> => {
    pending ??= mint().then(
      (next) => {
        held = next;
        pending = undefined;
        return next;
      },
      (caught: unknown) => {
        pending = undefined;
        throw caught;
      },
    );
    return pending;
  };

  return {
    async current() {
      if (pending) {
        return (await pending).token;
      }
      if (!held || now() >= held.expiresAt - margin) {
        return (await renew()).token;
      }
      return held.token;
    },
    async refresh(rejected) {
      if (pending) {
        return (await pending).token;
      }
      if (held && held.token !== rejected) {
        return held.token;
      }
      return (await renew()).token;
    },
    issued: () => issued,
  };
}
