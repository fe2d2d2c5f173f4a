import { AppError } from '../../../shared/errors';
import type { Kind, Target } from '../../../shared/datasets/targets';
import type { FetchLike } from '../http/http-call';
import type { TokenSource } from '../http/token-source';
import type { PushAdapter } from '../push/push-adapter';
import { createZoomUsersAdapter } from './zoom/zoom-users.connector';
import { createPortsipUsersAdapter } from './portsip/portsip-users.connector';
import { createPortsipRolesAdapter } from './portsip/portsip-roles.connector';
import { createPortsipGroupsAdapter } from './portsip/portsip-groups.connector';
import { createPortsipGroupMembersAdapter } from './portsip/portsip-group-members.connector';
import { createZoomInternalNumbersAdapter } from './zoom/zoom-internal-numbers.connector';
import { createWebexWorkspaceNumbersAdapter } from './webex/webex-workspace-numbers.connector';

/** Where and as whom to push; the token stays behind a source so it never gets copied around. */
export interface TargetConnection {
  baseUrl: string;
  auth: TokenSource;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** Default API bases (DESIGN.md); every one is overridable so tests use local simulators. */
export const DEFAULT_BASE_URLS: Partial<Record<Target, string>> = {
  zoom: 'https://api.zoom.us/v2',
  webex: 'https://webexapis.com/v1',
  // PortSIP has no default: every PBX has its own host (https://<host>:8887).
};

/** Published request rates per target (Zoom Phone "Medium" label on a Pro plan: 10/s). */
export const DEFAULT_MAX_RPS: Record<Target, number> = { zoom: 10, webex: 5, portsip: 16 };

/** Per-run choices a connector needs besides the connection (DESIGN.md CLI options). */
export interface AdapterOptions {
  /** Zoom internal numbers: the account for rows without an account-id column (`me` default). */
  accountId?: string;
  /** Webex: the organisation, for partner admins acting on a customer's org. */
  orgId?: string;
}

type AdapterFactory = (
  connection: TargetConnection,
  options: AdapterOptions,
) => PushAdapter<unknown>;

// Keyed "target/kind", like the dataset registry. New connectors add one line here.
const ADAPTERS: ReadonlyMap<string, AdapterFactory> = new Map<string, AdapterFactory>([
  ['zoom/users', (connection) => createZoomUsersAdapter(connection)],
  ['portsip/users', (connection) => createPortsipUsersAdapter(connection)],
  ['portsip/roles', (connection) => createPortsipRolesAdapter(connection)],
  ['portsip/groups', (connection) => createPortsipGroupsAdapter(connection)],
  ['portsip/group-members', (connection) => createPortsipGroupMembersAdapter(connection)],
  [
    'zoom/internal-numbers',
    (connection, options) => createZoomInternalNumbersAdapter(connection, options),
  ],
  [
    'webex/workspace-numbers',
    (connection, options) =>
      createWebexWorkspaceNumbersAdapter(connection, { orgId: options.orgId }),
  ],
]);

/** Whether this version can push a target × dataset. */
export function canPush(target: Target, kind: Kind): boolean {
  return ADAPTERS.has(`${target}/${kind}`);
}

/** The push adapter for a target × dataset, or a clear refusal when it is not built yet. */
export function createPushAdapter(
  target: Target,
  kind: Kind,
  connection: TargetConnection,
  options: AdapterOptions = {},
): PushAdapter<unknown> {
  const factory = ADAPTERS.get(`${target}/${kind}`);
  if (!factory) {
    throw new AppError(
      'USAGE',
      `Pushing --target ${target} --kind ${kind} is not supported by this version of batchline.`,
    );
  }
  return factory(connection, options);
}
