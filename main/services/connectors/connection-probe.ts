import { AppError } from '../../../shared/errors';
import type { Target } from '../../../shared/datasets/targets';
import { authorizedCall } from '../http/authorized-call';
import { vendorMessage, type HttpOutcome } from '../http/http-call';
import type { AdapterOptions, TargetConnection } from './push-adapters';

/** The answer to "does this connection work?": never thrown, always said. */
export interface ProbeResult {
  ok: boolean;
  message: string;
  latencyMs: number;
}

/** A workspace id no tenant has: Webex checks the token before it looks the workspace up. */
const WEBEX_PROBE_WORKSPACE = 'batchline-connection-test';

function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path}`;
}

/**
 * The cheapest authenticated read each target has, through the same token source and HTTP
 * call a push uses: Zoom lists one phone user, PortSIP one user, and Webex asks for the
 * numbers of a workspace that does not exist (a 404 there means the token and the org were
 * accepted: Webex checks both first).
 */
function probeRequest(target: Target, baseUrl: string, options: AdapterOptions): string {
  switch (target) {
    case 'zoom':
      return joinUrl(baseUrl, 'phone/users?page_size=1');
    case 'portsip':
      return joinUrl(baseUrl, 'api/users?top=1');
    case 'webex': {
      const query = options.orgId ? `?orgId=${encodeURIComponent(options.orgId)}` : '';
      return joinUrl(
        baseUrl,
        `telephony/config/workspaces/${WEBEX_PROBE_WORKSPACE}/numbers${query}`,
      );
    }
  }
}

/**
 * Sends one read with the connection's credential and says in plain words what came back:
 * accepted, the token refused (401), not allowed (403), unreachable, or the API's own text.
 */
export async function probeConnection(
  target: Target,
  connection: TargetConnection,
  options: AdapterOptions = {},
  now: () => number = () => performance.now(),
): Promise<ProbeResult> {
  const started = now();
  const host = new URL(connection.baseUrl).host;
  let outcome: HttpOutcome;
  try {
    outcome = await authorizedCall(
      connection.auth,
      {
        method: 'GET',
        url: probeRequest(target, connection.baseUrl, options),
        timeoutMs: connection.timeoutMs ?? 15_000,
      },
      connection.fetch,
    );
  } catch (caught) {
    // No credential held, or a Zoom OAuth sign-in that failed: the source says which.
    const message = caught instanceof AppError ? caught.message : 'The sign-in failed.';
    return { ok: false, message, latencyMs: Math.round(now() - started) };
  }
  const latencyMs = Math.round(now() - started);
  return { ...describeOutcome(target, host, outcome), latencyMs };
}

function describeOutcome(
  target: Target,
  host: string,
  outcome: HttpOutcome,
): { ok: boolean; message: string } {
  if (outcome.kind === 'not-sent') {
    return { ok: false, message: `${host} is unreachable: ${outcome.reason}.` };
  }
  if (outcome.kind === 'lost') {
    return { ok: false, message: `${host} did not answer: ${outcome.reason}.` };
  }
  const { status } = outcome;
  const accepted = (status >= 200 && status < 300) || (target === 'webex' && status === 404);
  if (accepted) {
    return { ok: true, message: `Connected to ${host}: the credential was accepted.` };
  }
  const said = vendorMessage(outcome);
  if (status === 401) {
    // A refused Zoom OAuth sign-in explains itself; a refused bearer token needs no echo.
    const why = /refused the saved token/.test(said) ? '' : ` ${said}`;
    return {
      ok: false,
      message: `The token was refused by ${host} (HTTP 401).${why} Check it, or create a new one.`,
    };
  }
  if (status === 403) {
    return {
      ok: false,
      message: `${host} accepted the token but refused this read (HTTP 403): ${said}`,
    };
  }
  if (status === 429) {
    return {
      ok: false,
      message: `${host} is rate limiting requests right now (HTTP 429); try again in a minute.`,
    };
  }
  if (status === 404) {
    return { ok: false, message: `${host} has no such API (HTTP 404): check the base URL.` };
  }
  return { ok: false, message: `${host} answered HTTP ${status}: ${said}` };
}
