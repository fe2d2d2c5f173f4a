import type { WebexSimulator } from '../../main/sandbox/webex/webex-simulator';
import { callSimulator, type SimAnswer } from './zoom-simulator-client';

/** A Webex error body: `{message, errors: [{description}], trackingId}`. */
export interface WebexErrorBody {
  message: string;
  errors: { description: string }[];
  trackingId: string;
}

/** What "Get workspace numbers" answers. */
export interface WorkspaceNumbersBody {
  distinctiveRingEnabled: boolean;
  phoneNumbers: {
    phoneNumber?: string;
    extension?: string;
    primary: boolean;
    ringPattern: string;
  }[];
  workspace: { id: string };
  location: { id: string; name: string };
  organization: { id: string };
}

/** Options of one call: the org (as `?orgId=`), a token (null: no header) or a raw body. */
export interface WebexCall {
  orgId?: string;
  token?: string | null;
  raw?: string;
}

function numbersPath(workspaceId: string, orgId?: string): string {
  const query = orgId === undefined ? '' : `?orgId=${encodeURIComponent(orgId)}`;
  return `/telephony/config/workspaces/${encodeURIComponent(workspaceId)}/numbers${query}`;
}

/** PUT a workspace's numbers over real HTTP. */
export function putNumbers(
  sim: WebexSimulator,
  workspaceId: string,
  body: unknown,
  call: WebexCall = {},
): Promise<SimAnswer> {
  return callSimulator(sim.url, 'PUT', numbersPath(workspaceId, call.orgId), {
    ...(call.token === undefined ? {} : { token: call.token }),
    ...(call.raw === undefined ? { json: body } : { raw: call.raw }),
  });
}

/** GET a workspace's numbers over real HTTP. */
export function getNumbers(
  sim: WebexSimulator,
  workspaceId: string,
  call: WebexCall = {},
): Promise<SimAnswer> {
  return callSimulator(sim.url, 'GET', numbersPath(workspaceId, call.orgId), {
    ...(call.token === undefined ? {} : { token: call.token }),
  });
}

/** The message of a Webex error answer. */
export function webexMessageOf(answer: SimAnswer): string {
  return (answer.body as WebexErrorBody).message;
}
