import type { Kind, Target } from '../../../shared/datasets/targets';
import type { DatasetCapability } from '../../../shared/ipc/contract';

/** A target × dataset the app can import, with the words the screens use for it. */
export interface DatasetChoice {
  id: string;
  target: Target;
  kind: Kind;
  /** "Zoom Phone" */
  targetLabel: string;
  /** "Users" */
  kindLabel: string;
  /** Plural noun for counts and buttons: "Push 12 valid users". */
  itemNoun: string;
  description: string;
}

function choice(
  target: Target,
  kind: Kind,
  kindLabel: string,
  itemNoun: string,
  description: string,
): DatasetChoice {
  return {
    id: `${target}-${kind}`,
    target,
    kind,
    targetLabel: targetLabel(target),
    kindLabel,
    itemNoun,
    description,
  };
}

/** Zoom Phone users: the first dataset with a full flow, and the one selected at start. */
export const ZOOM_USERS: DatasetChoice = choice(
  'zoom',
  'users',
  'Users',
  'users',
  'Add phone users with their extension, direct numbers, calling plan and site.',
);

// Every dataset the screens can describe, in the order the start screen lists them. Main
// says which ones this version can push (app:info), and only those are offered.
const CATALOG: readonly DatasetChoice[] = [
  ZOOM_USERS,
  choice(
    'zoom',
    'internal-numbers',
    'Internal numbers',
    'numbers',
    'Assign your own SIP-trunk numbers to the master account or a sub account.',
  ),
  choice(
    'webex',
    'workspace-numbers',
    'Workspace numbers',
    'numbers',
    'Add or remove numbers and extensions of workspaces, one request per workspace.',
  ),
  choice(
    'portsip',
    'users',
    'Users',
    'users',
    'Create or update extension users with their voicemail, recording and forwarding settings.',
  ),
  choice(
    'portsip',
    'roles',
    'Roles',
    'roles',
    'Create or update custom roles with one TRUE/FALSE column per permission.',
  ),
  choice(
    'portsip',
    'groups',
    'Groups',
    'groups',
    'Create or update user groups and their outbound caller IDs.',
  ),
  choice(
    'portsip',
    'group-members',
    'Group members',
    'members',
    'Add existing extensions to user groups.',
  ),
];

/** The catalogue entries this version of main can push, in catalogue order. */
export function importableDatasets(
  capabilities: readonly DatasetCapability[],
): readonly DatasetChoice[] {
  const pushable = new Set(capabilities.filter((c) => c.push).map((c) => `${c.target}-${c.kind}`));
  const offered = CATALOG.filter((entry) => pushable.has(entry.id));
  return offered.length > 0 ? offered : [ZOOM_USERS];
}

/** The catalogue entries this version of main can export, in catalogue order. */
export function exportableDatasets(
  capabilities: readonly DatasetCapability[],
): readonly DatasetChoice[] {
  const readable = new Set(
    capabilities.filter((c) => c.export).map((c) => `${c.target}-${c.kind}`),
  );
  return CATALOG.filter((entry) => readable.has(entry.id));
}

/** The human name of a target, for the header and messages. */
export function targetLabel(target: Target): string {
  switch (target) {
    case 'zoom':
      return 'Zoom Phone';
    case 'webex':
      return 'Webex Calling';
    case 'portsip':
      return 'PortSIP PBX';
  }
}
