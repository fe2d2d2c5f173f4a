import type { IncomingMessage } from 'node:http';
import { DEFAULT_MAX_BODY_BYTES, bearerToken, readJsonBody } from '../http/request-body';
import { RequestLog } from '../http/request-log';
import { matchRoute } from '../http/route-table';
import type { RouteSpec } from '../http/route-table';
import { startSimServer } from '../http/sim-http-server';
import type { JsonReply, RequestNotes, SimHandler, SimReply } from '../http/sim-http-server';
import { KeyedTokenBucket, retryAfterSeconds } from '../http/token-bucket';
import type { RateLimitConfig } from '../http/token-bucket';
import { SANDBOX_REQUESTS_PER_SECOND, SANDBOX_TOKEN } from '../sandbox-defaults';
import { batchAddUsers } from './batch-add-users';
import { addInternalNumbers, listInternalNumbers } from './internal-numbers';
import { listUsers } from './list-users';
import { PageTokenStore } from './page-tokens';
import { invalidTokenReply, perSecondLimitReply, zoomError, ZoomErrorCode } from './zoom-errors';
import type { ZoomRateCategory } from './zoom-errors';
import { createZoomFaultQueue, faultReply } from './zoom-faults';
import type { ZoomFault, ZoomFaultQueue, ZoomRoute } from './zoom-faults';
import { RandomFaults } from '../http/random-faults';
import { addSeedUsers } from './zoom-seed';
import type { SeedUser } from './zoom-seed';
import { ZoomOAuthAuthority } from './zoom-oauth';
import type { ZoomOAuthOptions } from './zoom-oauth';
import { ZoomState } from './zoom-state';

/** How to start a Zoom Phone simulator; every field is optional. */
export interface ZoomSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
  /** Accepted bearer tokens; default `['sandbox-token']`. */
  tokens?: string[];
  /** Per-token token bucket; past it → 429 with `Retry-After` (whole seconds ≥ 1). Default 20/s. */
  rateLimit?: RateLimitConfig;
  /** Demo users already in the account: a count of generated ones, or a list. Default none. */
  seedUsers?: number | SeedUser[];
  /** Artificial latency before each request is handled. Default 0. */
  latencyMs?: number;
  /** Body size past which requests get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Clock (ms since the epoch) for rate limits, page-token expiry and the daily reset; default `Date.now`. */
  now?: () => number;
  /** A Server-to-Server OAuth app: POST {origin}/oauth/token mints bearer tokens for the API. */
  oauth?: ZoomOAuthOptions;
  /** Chaos: each batch-add request meets one of `faults` with probability `rate` (seeded). */
  randomFaults?: { rate: number; seed: number; faults: readonly ZoomFault[] };
  /**
   * Ids of the master account's sub accounts, for the internal numbers routes (`me` is the
   * master). Default DEFAULT_ZOOM_SUB_ACCOUNTS; any other accountId gets 404.
   */
  subAccounts?: readonly string[];
}

/** A running Zoom Phone simulator. */
export interface ZoomSimulator {
  /**
   * Base URL such as `http://127.0.0.1:PORT/v2`; endpoints are `{url}/phone/users[/batch]` and
   * `{url}/accounts/{accountId}/sip_trunk/internal_numbers`.
   */
  url: string;
  /** Stops listening and cuts open connections. */
  close(): Promise<void>;
  /** The account's users, internal numbers and the request log, for inspection. */
  state: ZoomState;
  /** Scripted faults for the next requests to a route. */
  faults: ZoomFaultQueue;
  /** Starts accepting another bearer token (e.g. one an OAuth simulator just minted). */
  acceptToken(token: string): void;
  /** Stops accepting a token: its next request gets 401, as an expired token would. */
  revokeToken(token: string): void;
  /** The OAuth token endpoint (`{origin}/oauth/token`) when `oauth` was given. */
  oauthUrl?: string;
  /** The OAuth authority, for tests (issued count, refusing refreshes). */
  oauth?: ZoomOAuthAuthority;
}

const ROUTES: readonly RouteSpec<ZoomRoute | 'oauth-token'>[] = [
  { id: 'oauth-token', method: 'POST', path: '/oauth/token' },
  { id: 'batch-add-users', method: 'POST', path: '/v2/phone/users/batch' },
  { id: 'list-users', method: 'GET', path: '/v2/phone/users' },
  {
    id: 'add-internal-numbers',
    method: 'POST',
    path: '/v2/accounts/:accountId/sip_trunk/internal_numbers',
  },
  {
    id: 'list-internal-numbers',
    method: 'GET',
    path: '/v2/accounts/:accountId/sip_trunk/internal_numbers',
  },
];
// The spec's "Rate Limit Label" of each endpoint.
const CATEGORY: Record<ZoomRoute, ZoomRateCategory> = {
  'batch-add-users': 'Medium',
  'list-users': 'Light',
  // Zoom labels its SIP Connected Audio endpoints Light.
  'add-internal-numbers': 'Light',
  'list-internal-numbers': 'Light',
};

/** A 201 body listing only its first `count` created items: users (array) or internal numbers. */
function listFirst(body: unknown, count: number): unknown {
  if (Array.isArray(body)) {
    return body.slice(0, count);
  }
  const numbers = (body as { internal_numbers?: unknown } | undefined)?.internal_numbers;
  return Array.isArray(numbers) ? { internal_numbers: numbers.slice(0, count) } : body;
}

/**
 * Starts an in-process simulator of Zoom Phone's batch-add and list users endpoints and of
 * SIP Connected Audio's add and list internal numbers endpoints.
 *
 * Each request goes: route (404) → scripted fault → auth (401) → rate limit (429) → body
 * (413, 400) → endpoint rules. Faults come first so a script meets exactly the requests it
 * names, whatever the token or the bucket say.
 */
export async function startZoomSimulator(
  options: ZoomSimulatorOptions = {},
): Promise<ZoomSimulator> {
  const now = options.now ?? Date.now;
  const log = new RequestLog();
  const state = new ZoomState(log, options.subAccounts);
  const faults = createZoomFaultQueue();
  const tokens = new Set(options.tokens ?? [SANDBOX_TOKEN]);
  const limiter = new KeyedTokenBucket(
    options.rateLimit ?? { perSecond: SANDBOX_REQUESTS_PER_SECOND },
  );
  const pageTokens = new PageTokenStore(now);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const oauth = options.oauth ? new ZoomOAuthAuthority(options.oauth, now) : undefined;
  const chaos = options.randomFaults
    ? new RandomFaults(
        options.randomFaults.rate,
        options.randomFaults.faults,
        options.randomFaults.seed,
      )
    : undefined;
  if (options.seedUsers !== undefined) {
    addSeedUsers(state, options.seedUsers);
  }

  async function serve(
    route: ZoomRoute,
    req: IncomingMessage,
    url: URL,
    notes: RequestNotes,
    params: Record<string, string>,
  ): Promise<JsonReply> {
    const token = bearerToken(req);
    const oauthState = token !== undefined && oauth ? oauth.check(token) : 'unknown';
    if (oauthState === 'expired') {
      return invalidTokenReply('Access token is expired.');
    }
    if (token === undefined || (oauthState !== 'ok' && !tokens.has(token))) {
      return invalidTokenReply();
    }
    const decision = limiter.take(token, now());
    if (!decision.allowed) {
      return perSecondLimitReply(CATEGORY[route], retryAfterSeconds(decision.retryAfterMs));
    }
    if (route === 'list-users') {
      return listUsers(state, pageTokens, url.searchParams);
    }
    const accountId = params.accountId ?? '';
    if (route === 'list-internal-numbers') {
      return listInternalNumbers(state.internalNumbers, pageTokens, accountId, url.searchParams);
    }
    const parsed = await readJsonBody(req, maxBodyBytes, notes);
    if (!parsed.ok) {
      return parsed.reason === 'too-large'
        ? zoomError(413, 413, `Request body is larger than ${maxBodyBytes} bytes.`, {
            Connection: 'close',
          })
        : zoomError(400, ZoomErrorCode.invalidField, parsed.message);
    }
    return route === 'add-internal-numbers'
      ? addInternalNumbers(state.internalNumbers, accountId, parsed.value, notes)
      : batchAddUsers(state, parsed.value, notes);
  }

  const handle: SimHandler = async (req, notes): Promise<SimReply> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const match = matchRoute(ROUTES, req.method ?? 'GET', url.pathname);
    if (!match) {
      return zoomError(404, 404, 'Not found');
    }
    if (match.id === 'oauth-token') {
      notes.route = 'oauth-token';
      return oauth ? oauth.issue(req, url) : zoomError(404, 404, 'Not found');
    }
    const route = match.id;
    notes.route = route;
    const writes = route === 'batch-add-users' || route === 'add-internal-numbers';
    const fault = faults.take(route) ?? (writes ? chaos?.draw() : undefined);
    if (fault) {
      notes.fault = fault.kind;
    }
    if (fault?.kind === 'drop-before-apply') {
      return { kind: 'drop' };
    }
    if (fault?.kind === 'status' || fault?.kind === 'daily-limit') {
      return faultReply(fault, CATEGORY[route], now());
    }
    const reply = await serve(route, req, url, notes, match.params);
    if (fault?.kind === 'drop-after-apply') {
      return { kind: 'drop' };
    }
    if (fault?.kind === 'partial-success' && reply.status === 201) {
      reply.body = listFirst(reply.body, Math.max(0, fault.listed));
    }
    reply.headers = { 'X-RateLimit-Category': CATEGORY[route], ...reply.headers };
    return reply;
  };

  const server = await startSimServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    latencyMs: options.latencyMs ?? 0,
    log,
    now,
    handle,
    internalError: () => zoomError(500, 500, 'Internal simulator error.'),
  });
  return {
    url: `${server.origin}/v2`,
    close: () => server.close(),
    state,
    faults,
    acceptToken: (token) => void tokens.add(token),
    revokeToken: (token) => void tokens.delete(token),
    ...(oauth ? { oauth, oauthUrl: `${server.origin}/oauth/token` } : {}),
  };
}
