import type { RingPattern } from '../../../shared/datasets/webex/workspace-number-fields';
import type { SimWorkspace, WebexState } from './webex-state';

/** The org the simulator's tokens belong to unless told otherwise. */
export const SANDBOX_WEBEX_ORG_ID = 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9zYW5kYm94';

/** A workspace to put in the simulator before any request; omitted fields get demo values. */
export interface SeedWorkspace {
  id: string;
  displayName?: string;
  /** Default: the simulator's own org. */
  orgId?: string;
  /** Default `HQ`; extensions are unique per location. */
  locationId?: string;
  distinctiveRingEnabled?: boolean;
  numbers?: {
    phoneNumber?: string;
    extension?: string;
    primary?: boolean;
    ringPattern?: RingPattern;
  }[];
}

/** A Webex-looking workspace id: base64 of `ciscospark://us/PLACE/<slug>`, unpadded. */
export function webexWorkspaceId(slug: string): string {
  return Buffer.from(`ciscospark://us/PLACE/${slug}`).toString('base64').replace(/=+$/, '');
}

// Fictional numbers only (NANP 555-01xx).
/** The Sandbox's demo workspaces: two with numbers, one without. */
export const DEMO_WORKSPACES: readonly SeedWorkspace[] = [
  {
    id: webexWorkspaceId('lobby'),
    displayName: 'Lobby',
    numbers: [
      { phoneNumber: '+12025550101', extension: '1101', primary: true },
      { extension: '1102' },
    ],
  },
  {
    id: webexWorkspaceId('conference-room-a'),
    displayName: 'Conference Room A',
    distinctiveRingEnabled: true,
    numbers: [
      { phoneNumber: '+12025550111', extension: '1111', primary: true },
      { phoneNumber: '+12025550112', extension: '1112', ringPattern: 'LONG_LONG' },
    ],
  },
  { id: webexWorkspaceId('break-room'), displayName: 'Break Room' },
];

const LOCATION_NAMES: Record<string, string> = { HQ: 'Headquarters' };

/** Puts seed workspaces into the state; `homeOrgId` is the org of those that name none. */
export function addSeedWorkspaces(
  state: WebexState,
  seeds: readonly SeedWorkspace[],
  homeOrgId: string,
): void {
  for (const seed of seeds) {
    const locationId = seed.locationId ?? 'HQ';
    const workspace: SimWorkspace = {
      id: seed.id,
      displayName: seed.displayName ?? seed.id,
      orgId: seed.orgId ?? homeOrgId,
      locationId,
      locationName: LOCATION_NAMES[locationId] ?? locationId,
      distinctiveRingEnabled: seed.distinctiveRingEnabled ?? false,
      numbers: (seed.numbers ?? []).map((number) => ({
        ...(number.phoneNumber ? { phoneNumber: number.phoneNumber } : {}),
        ...(number.extension ? { extension: number.extension } : {}),
        primary: number.primary ?? false,
        ringPattern: number.ringPattern ?? 'NORMAL',
      })),
    };
    state.addWorkspace(workspace);
  }
}
