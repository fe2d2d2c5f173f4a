import { AppError } from '../../../shared/errors';
import { createZoomOAuthTokenSource, ZOOM_OAUTH_URL } from '../connectors/zoom/zoom-oauth-client';
import type { FetchLike } from '../http/http-call';
import type { TokenSource } from '../http/token-source';
import type { SecretStore, StoredSecret } from './secret-store';

/** Options of {@link storedTokenSource}: where Zoom OAuth signs in, and hooks for tests. */
export interface StoredTokenSourceOptions {
  oauthUrl?: string;
  fetch?: FetchLike;
  now?: () => number;
}

/**
 * The token source of a saved connection: its credential is read from the secret store at
 * each use, so a credential changed or removed in Connections takes effect on the next
 * request, and the secret itself stays behind this function in main.
 *
 * A bearer token is used as is; Zoom OAuth credentials mint short-lived tokens through one
 * shared {@link createZoomOAuthTokenSource}, recreated only when the credentials change.
 */
export function storedTokenSource(
  store: SecretStore,
  id: string,
  options: StoredTokenSourceOptions = {},
): TokenSource {
  let oauth: { from: StoredSecret; source: TokenSource } | undefined;

  const credential = (): StoredSecret => {
    const secret = store.get(id);
    if (!secret) {
      throw new AppError(
        'AUTH_MISSING',
        `No credential is saved for the connection "${id}"; enter it in Connections.`,
      );
    }
    return secret;
  };

  const oauthSource = (secret: StoredSecret & { kind: 'zoom-oauth' }): TokenSource => {
    // The store replaces (never mutates) a credential, so identity tells a change.
    if (oauth?.from !== secret) {
      oauth = {
        from: secret,
        source: createZoomOAuthTokenSource(
          {
            accountId: secret.accountId,
            clientId: secret.clientId,
            clientSecret: secret.clientSecret,
            oauthUrl: options.oauthUrl ?? ZOOM_OAUTH_URL,
          },
          { fetch: options.fetch, now: options.now },
        ),
      };
    }
    return oauth.source;
  };

  return {
    async current() {
      const secret = credential();
      return secret.kind === 'bearer' ? secret.token : oauthSource(secret).current();
    },
    async refresh(rejected) {
      const secret = credential();
      if (secret.kind === 'zoom-oauth') {
        const source = oauthSource(secret);
        return source.refresh ? source.refresh(rejected) : source.current();
      }
      if (secret.token !== rejected) {
        return secret.token;
      }
      throw new AppError(
        'AUTH_EXPIRED',
        `The target refused the saved token of the connection "${id}"; enter a new one in Connections.`,
      );
    },
  };
}
