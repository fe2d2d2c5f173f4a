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
import {
  createWebexFaultQueue,
  faultReply,
  rateLimitedReply,
  unauthorizedReply,
  webexError,
} from './webex-errors';
import type { WebexFaultQueue, WebexRoute } from './webex-errors';
import { addSeedWorkspaces, DEMO_WORKSPACES, SANDBOX_WEBEX_ORG_ID } from './webex-seed';
import type { SeedWorkspace } from './webex-seed';
import { WebexState } from './webex-state';
import { getWorkspaceNumbers, putWorkspaceNumbers } from './workspace-numbers-routes';

/** How to start a Webex Calling simulator; every field is optional. */
export interface WebexSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
  /** Accepted bearer tokens, all of the home org; default `['sandbox-token']`. */
  tokens?: string[];
  /** The org the tokens belong to (requests without `?orgId=` act on it). */
  orgId?: string;
  /** Other orgs the tokens may act on through `?orgId=`, as a partner admin's do. */
  managedOrgIds?: string[];
  /** Workspaces that exist before any request. Default DEMO_WORKSPACES; `[]` for none. */
  seedWorkspaces?: readonly SeedWorkspace[];
  /** Per-token token bucket; past it → 429 with `Retry-After`. Default 20/s. */
  rateLimit?: RateLimitConfig;
  /** Artificial latency before each request is handled. Default 0. */
  latencyMs?: number;
  /** Body size past which requests get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Clock (ms since the epoch) for the rate limit; default `Date.now`. */
  now?: () => number;
}

/** A running Webex Calling simulator. */
export interface WebexSimulator {
  /** Base URL such as `http://127.0.0.1:PORT/v1`; endpoints are `{url}/telephony/config/…`. */
  url: string;
  /** The home org's id. */
  orgId: string;
  /** Stops listening and cuts open connections. */
  close(): Promise<void>;
  /** The workspaces, their numbers and the request log, for inspection. */
  state: WebexState;
  /** Scripted faults for the next requests to a route. */
  faults: WebexFaultQueue;
  acceptToken(token: string): void;
  /** Stops accepting a token: its next request gets 401, as an expired token would. */
  revokeToken(token: string): void;
}

const NUMBERS_PATH = '/v1/telephony/config/workspaces/:workspaceId/numbers';
const ROUTES: readonly RouteSpec<WebexRoute>[] = [
  { id: 'put-workspace-numbers', method: 'PUT', path: NUMBERS_PATH },
  { id: 'get-workspace-numbers', method: 'GET', path: NUMBERS_PATH },
];

/**
 * Starts an in-process simulator of Webex Calling's workspace numbers endpoints.
 *
 * Each request goes: route (404) → scripted fault → auth (401) → rate limit (429) → org
 * (403 for an org the token may not act on) → workspace (404, also for a workspace of
 * another org) → body (413, 400) → rules (400, 409) → 204, or 200 for the GET.
 */
export async function startWebexSimulator(
  options: WebexSimulatorOptions = {},
): Promise<WebexSimulator> {
  const now = options.now ?? Date.now;
  const log = new RequestLog();
  const state = new WebexState(log);
  const faults = createWebexFaultQueue();
  const tokens = new Set(options.tokens ?? [SANDBOX_TOKEN]);
  const homeOrg = options.orgId ?? SANDBOX_WEBEX_ORG_ID;
  const orgs = new Set([homeOrg, ...(options.managedOrgIds ?? [])]);
  const limiter = new KeyedTokenBucket(
    options.rateLimit ?? { perSecond: SANDBOX_REQUESTS_PER_SECOND },
  );
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  addSeedWorkspaces(state, options.seedWorkspaces ?? DEMO_WORKSPACES, homeOrg);

  async function serve(
    route: WebexRoute,
    req: IncomingMessage,
    url: URL,
    workspaceId: string,
    notes: RequestNotes,
  ): Promise<JsonReply> {
    const token = bearerToken(req);
    if (token === undefined || !tokens.has(token)) {
      return unauthorizedReply();
    }
    const decision = limiter.take(token, now());
    if (!decision.allowed) {
      return rateLimitedReply(retryAfterSeconds(decision.retryAfterMs));
    }
    const orgId = url.searchParams.get('orgId') || homeOrg;
    if (!orgs.has(orgId)) {
      return webexError(403, `Not authorized to act on organization ${orgId}.`);
    }
    const workspace = state.workspace(workspaceId);
    if (!workspace || workspace.orgId !== orgId) {
      return webexError(404, `Workspace ${workspaceId} not found.`);
    }
    if (route === 'get-workspace-numbers') {
      return getWorkspaceNumbers(workspace);
    }
    const parsed = await readJsonBody(req, maxBodyBytes, notes);
    if (!parsed.ok) {
      return parsed.reason === 'too-large'
        ? webexError(413, `Request body is larger than ${maxBodyBytes} bytes.`, {
            Connection: 'close',
          })
        : webexError(400, parsed.message);
    }
    return putWorkspaceNumbers(state, workspace, parsed.value, notes);
  }

  const handle: SimHandler = async (req, notes): Promise<SimReply> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const match = matchRoute(ROUTES, req.method ?? 'GET', url.pathname);
    if (!match) {
      return webexError(404, 'The requested resource could not be found.');
    }
    notes.route = match.id;
    const fault = faults.take(match.id);
    if (fault) {
      notes.fault = fault.kind;
    }
    if (fault?.kind === 'drop-before-apply') {
      return { kind: 'drop' };
    }
    if (fault?.kind === 'status') {
      return faultReply(fault);
    }
    const reply = await serve(match.id, req, url, match.params.workspaceId ?? '', notes);
    return fault?.kind === 'drop-after-apply' ? { kind: 'drop' } : reply;
  };

  const server = await startSimServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    latencyMs: options.latencyMs ?? 0,
    log,
    now,
    handle,
    internalError: () => webexError(500, 'Internal simulator error.'),
  });
  return {
    url: `${server.origin}/v1`,
    orgId: homeOrg,
    close: () => server.close(),
    state,
    faults,
    acceptToken: (token) => void tokens.add(token),
    revokeToken: (token) => void tokens.delete(token),
  };
}
