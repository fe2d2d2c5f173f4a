import type { DatasetDef } from './dataset';
import type { Kind, Target } from './targets';
import { createZoomUsersDataset, type DatasetOptions } from './zoom-users';
import { createPortsipUsersDataset } from './portsip-users';
import { createPortsipRolesDataset } from './portsip-roles';
import { createPortsipGroupsDataset } from './portsip-groups';
import { createPortsipGroupMembersDataset } from './portsip-group-members';
import { createWebexWorkspaceNumbersDataset } from './webex-workspace-numbers';
import { createZoomInternalNumbersDataset } from './zoom-internal-numbers';

// The options every dataset factory takes; defined beside the first dataset that needed them.
export type { DatasetOptions } from './zoom-users';

/** A dataset batchline can import, as pickers and `--help` list it. */
export interface DatasetListing {
  target: Target;
  kind: Kind;
  title: string;
}

type Factory = (opts: DatasetOptions) => DatasetDef;

// Keyed "target/kind". New datasets add one line here.
const FACTORIES: ReadonlyMap<string, { title: string; create: Factory }> = new Map([
  ['portsip/users', { title: 'PortSIP PBX users', create: createPortsipUsersDataset }],
  ['zoom/users', { title: 'Zoom Phone users', create: createZoomUsersDataset }],
  ['portsip/roles', { title: 'PortSIP roles', create: createPortsipRolesDataset }],
  ['portsip/groups', { title: 'PortSIP user groups', create: createPortsipGroupsDataset }],
  [
    'portsip/group-members',
    { title: 'PortSIP group members', create: createPortsipGroupMembersDataset },
  ],
  [
    'webex/workspace-numbers',
    { title: 'Webex Calling workspace numbers', create: createWebexWorkspaceNumbersDataset },
  ],
  [
    'zoom/internal-numbers',
    { title: 'Zoom SIP-trunk internal numbers', create: createZoomInternalNumbersDataset },
  ],
]);

/**
 * The dataset for a target and kind, built for these options, or undefined if there is none.
 *
 * Throws AppError('USAGE') when `opts.defaultCountry` is not a known country code.
 */
export function getDataset(
  target: Target,
  kind: Kind,
  opts: DatasetOptions = {},
): DatasetDef | undefined {
  return FACTORIES.get(`${target}/${kind}`)?.create(opts);
}

/**
 * Every importable dataset, in a stable order.
 *
 * Listing does not build the datasets, so it needs no country.
 */
export function listDatasets(): DatasetListing[] {
  return [...FACTORIES.entries()].map(([key, { title }]) => {
    const [target, kind] = key.split('/') as [Target, Kind];
    return { target, kind, title };
  });
}
