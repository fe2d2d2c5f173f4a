import type { IncomingMessage } from 'node:http';
import { DEFAULT_MAX_BODY_BYTES, bearerToken, readJsonBody } from '../http/request-body';
import { RequestLog } from '../http/request-log';
import { matchRoute } from '../http/route-table';
import { startSimServer } from '../http/sim-http-server';
import type { JsonReply, RequestNotes, SimHandler, SimReply } from '../http/sim-http-server';
import { RandomFaults } from '../http/random-faults';
import { SANDBOX_REQUESTS_PER_SECOND, SANDBOX_TOKEN } from '../sandbox-defaults';
import {
  invalidField,
  portsipError,
  PortsipErrorCode,
  quotaExceeded,
  unauthorized,
} from './portsip-errors';
import { createPortsipFaultQueue, faultReply } from './portsip-faults';
import type { PortsipFault, PortsipFaultQueue, PortsipRoute } from './portsip-faults';
import { MinuteQuota } from './portsip-quota';
import { HANDLERS, PORTSIP_ROUTES, ROUTES_WITH_BODY, WRITE_ROUTES } from './portsip-routes';
import { addBuiltInRoles, addSeed } from './portsip-seed';
import type { PortsipSeed } from './portsip-seed';
import { PortsipState } from './portsip-state';

/** How to start a PortSIP PBX simulator; every field is optional. */
export interface PortsipSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
  /** Accepted bearer tokens; default `['sandbox-token']`. */
  tokens?: string[];
  /** Requests per minute per token before 429 + Retry-After. Default 1200 (the Sandbox's 20/s). */
  quotaPerMinute?: number;
  /** Data present before the first request; built-in roles are always there. Default none. */
  seed?: PortsipSeed;
  /** Artificial latency before each request is handled. Default 0. */
  latencyMs?: number;
  /** Body size past which requests get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Clock (ms since the epoch) for the quota windows and created_at; default `Date.now`. */
  now?: () => number;
  /** Chaos: each write (POST) meets one of `faults` with probability `rate` (seeded). */
  randomFaults?: { rate: number; seed: number; faults: readonly PortsipFault[] };
}

/** A running PortSIP PBX simulator. */
export interface PortsipSimulator {
  /** The PBX base, `http://127.0.0.1:PORT` (a real one is `https://<host>:8887`); paths start `/api/`. */
  url: string;
  /** Stops listening and cuts open connections. */
  close(): Promise<void>;
  /** Users, roles, groups, members and the request log, for inspection. */
  state: PortsipState;
  /** Scripted faults for the next requests to a route. */
  faults: PortsipFaultQueue;
  /** Shorthand for `faults.enqueue(route, fault, times)`. */
  injectFault(route: PortsipRoute | '*', fault: PortsipFault, times?: number): void;
  /** Starts accepting another bearer token. */
  acceptToken(token: string): void;
  /** Stops accepting a token: its next request gets 401. */
  revokeToken(token: string): void;
}

/**
 * Starts an in-process simulator of the PortSIP PBX users, roles and groups API.
 *
 * Each request goes: route (404) → scripted or random fault → auth (401) → per-minute quota
 * (429) → body (413, 400) → endpoint rules (400, 404, 409). Faults come first so a script
 * meets exactly the requests it names, whatever the token or the quota say.
 */
export async function startPortsipSimulator(
  options: PortsipSimulatorOptions = {},
): Promise<PortsipSimulator> {
  const now = options.now ?? Date.now;
  const log = new RequestLog();
  const state = new PortsipState(log);
  const faults = createPortsipFaultQueue();
  const tokens = new Set(options.tokens ?? [SANDBOX_TOKEN]);
  const quotaPerMinute = options.quotaPerMinute ?? SANDBOX_REQUESTS_PER_SECOND * 60;
  const quota = new MinuteQuota(quotaPerMinute);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const chaos = options.randomFaults
    ? new RandomFaults(
        options.randomFaults.rate,
        options.randomFaults.faults,
        options.randomFaults.seed,
      )
    : undefined;
  addBuiltInRoles(state);
  addSeed(state, options.seed ?? {}, now());

  async function serve(
    route: PortsipRoute,
    params: Record<string, string>,
    req: IncomingMessage,
    url: URL,
    notes: RequestNotes,
  ): Promise<JsonReply> {
    const token = bearerToken(req);
    if (token === undefined || !tokens.has(token)) {
      return unauthorized();
    }
    const decision = quota.take(token, now());
    if (!decision.allowed) {
      return quotaExceeded(decision.retryAfterSeconds, quotaPerMinute);
    }
    let body: unknown = undefined;
    if (ROUTES_WITH_BODY.has(route)) {
      const parsed = await readJsonBody(req, maxBodyBytes, notes);
      if (!parsed.ok) {
        return parsed.reason === 'too-large'
          ? portsipError(
              413,
              PortsipErrorCode.invalidArgument,
              `Request body is larger than ${maxBodyBytes} bytes.`,
              'body',
              { Connection: 'close' },
            )
          : invalidField('body', `is not usable: ${parsed.message}`);
      }
      body = parsed.value;
    }
    return HANDLERS[route]({ state, params, query: url.searchParams, body, now });
  }

  const handle: SimHandler = async (req, notes): Promise<SimReply> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const match = matchRoute(PORTSIP_ROUTES, req.method ?? 'GET', url.pathname);
    if (!match) {
      return portsipError(
        404,
        PortsipErrorCode.notFound,
        `No endpoint ${req.method ?? 'GET'} ${url.pathname}`,
      );
    }
    notes.route = match.id;
    const fault = faults.take(match.id) ?? (WRITE_ROUTES.has(match.id) ? chaos?.draw() : undefined);
    if (fault) {
      notes.fault = fault.kind;
    }
    if (fault?.kind === 'drop-before-apply') {
      return { kind: 'drop' };
    }
    if (fault?.kind === 'status') {
      return faultReply(fault);
    }
    const reply = await serve(match.id, match.params, req, url, notes);
    return fault?.kind === 'drop-after-apply' ? { kind: 'drop' } : reply;
  };

  const server = await startSimServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    latencyMs: options.latencyMs ?? 0,
    log,
    now,
    handle,
    internalError: () => portsipError(500, PortsipErrorCode.internal, 'Internal simulator error.'),
  });
  return {
    url: server.origin,
    close: () => server.close(),
    state,
    faults,
    injectFault: (route, fault, times = 1) => void faults.enqueue(route, fault, times),
    acceptToken: (token) => void tokens.add(token),
    revokeToken: (token) => void tokens.delete(token),
  };
}
