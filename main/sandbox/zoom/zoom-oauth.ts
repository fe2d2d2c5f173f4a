import type { IncomingMessage } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';

/** The Server-to-Server OAuth app the simulated account has (account_credentials grant). */
export interface ZoomOAuthOptions {
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** Lifetime of an issued token; Zoom's is one hour. */
  expiresInSeconds?: number;
  /** Fault injection: a token stops working after this many API requests (BAD-INPUTS #28). */
  expiresAfterRequests?: number;
}

interface IssuedToken {
  expiresAt: number;
  requests: number;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The simulated https://zoom.us/oauth/token for Server-to-Server apps.
 *
 * As on Zoom, requesting a new token invalidates the one issued before it, which is why a
 * client must share one token between all its workers.
 */
export class ZoomOAuthAuthority {
  private current: { token: string; issued: IssuedToken } | undefined;
  /** How many tokens were issued; tests check a run refreshed once, not once per worker. */
  issuedCount = 0;
  /** Tests can make the token refuse to refresh (BAD-INPUTS #28, second run). */
  refuseRefresh = false;

  constructor(
    private readonly options: ZoomOAuthOptions,
    private readonly now: () => number,
  ) {}

  /** Answers POST /oauth/token?grant_type=account_credentials&account_id=… with Basic auth. */
  issue(req: IncomingMessage, url: URL): JsonReply {
    const grant = url.searchParams.get('grant_type');
    if (grant !== 'account_credentials') {
      return json(400, { reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
    }
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const [clientId = '', clientSecret = ''] = Buffer.from(basic, 'base64')
      .toString('utf8')
      .split(':');
    if (
      this.refuseRefresh ||
      !sameText(clientId, this.options.clientId) ||
      !sameText(clientSecret, this.options.clientSecret)
    ) {
      return json(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    }
    if (url.searchParams.get('account_id') !== this.options.accountId) {
      return json(400, { reason: 'Invalid account_id', error: 'invalid_request' });
    }
    const expiresIn = this.options.expiresInSeconds ?? 3600;
    const token = `sim-oauth-${randomBytes(18).toString('base64url')}`;
    this.current = { token, issued: { expiresAt: this.now() + expiresIn * 1000, requests: 0 } };
    this.issuedCount += 1;
    return json(200, {
      access_token: token,
      token_type: 'bearer',
      expires_in: expiresIn,
      scope: 'phone:read:admin phone:write:admin',
      api_url: 'https://api.zoom.us',
    });
  }

  /** Whether a bearer token is the live OAuth token; counts the request against it. */
  check(token: string): 'ok' | 'expired' | 'unknown' {
    if (!this.current || !sameText(token, this.current.token)) {
      return 'unknown';
    }
    const issued = this.current.issued;
    issued.requests += 1;
    const limit = this.options.expiresAfterRequests;
    if (this.now() >= issued.expiresAt || (limit !== undefined && issued.requests > limit)) {
      return 'expired';
    }
    return 'ok';
  }
}
