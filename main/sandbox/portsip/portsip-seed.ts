import { PORTSIP_BUILT_IN_ROLES } from '../../../shared/datasets/portsip/portsip-rules';
import { permissionSet } from './portsip-roles';
import type { PortsipPermissionSet, PortsipState } from './portsip-state';

/** What to put in the PBX before the first request; built-in roles are always there. */
export interface PortsipSeed {
  /** Generated users: user001 / extension 1001, user002 / 1002, … Default 0. */
  users?: number;
  /** Custom roles by name (each with voicemail and internal calls only). Default none. */
  customRoles?: string[];
  /** Generated groups: "Sales", "Support", then "Group 3", … Default 0. */
  groups?: number;
  /** How many seeded users each group gets (the first ones, cycling). Default 3. */
  membersPerGroup?: number;
}

/** The demo data the app's Sandbox starts with: a few of everything. */
export const PORTSIP_SANDBOX_SEED: PortsipSeed = {
  users: 12,
  customRoles: ['Reception'],
  groups: 2,
  membersPerGroup: 4,
};

const FIRST = ['Ava', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas'];
const LAST = ['Anders', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito'];
const DEPARTMENTS = ['Sales', 'Support', 'Engineering', 'Finance'];
const GROUP_NAMES = ['Sales', 'Support'];

function grant(base: PortsipPermissionSet, grants: Record<string, string[]>): PortsipPermissionSet {
  for (const [group, keys] of Object.entries(grants)) {
    for (const key of keys) {
      const target = base[group];
      if (target) {
        target[key] = true;
      }
    }
  }
  return base;
}

const USER_WIDE = {
  general: ['voicemail_view_only', 'voicemail_full_access', 'meeting'],
  user_call_log: ['call_log_view_only', 'call_recording_view_only'],
  policies: ['domestic_calls', 'internal_calls'],
};

// Plausible permission sets for the spec's one-line descriptions of each built-in role.
function builtInPermissions(name: (typeof PORTSIP_BUILT_IN_ROLES)[number]): PortsipPermissionSet {
  switch (name) {
    case 'SystemAdmin':
    case 'Replicator':
      return permissionSet(true);
    case 'Dealer':
    case 'Admin': {
      const all = permissionSet(true);
      all.system = {
        information: name === 'Dealer',
        dealer: name === 'Dealer',
        tenant: name === 'Dealer',
      };
      return all;
    }
    case 'StandardUser':
      return grant(permissionSet(false), USER_WIDE);
    case 'StandardInternationalUser':
      return grant(permissionSet(false), {
        ...USER_WIDE,
        policies: [...USER_WIDE.policies, 'international_calls'],
      });
    case 'QueueManager':
      return grant(permissionSet(false), { ...USER_WIDE, analytics: ['call_report_view_only'] });
  }
}

/** Adds the built-in roles; every simulator starts with them. */
export function addBuiltInRoles(state: PortsipState): void {
  for (const name of PORTSIP_BUILT_IN_ROLES) {
    state.addRole({
      name,
      description: `Built-in ${name} role.`,
      permissions: builtInPermissions(name),
      builtIn: true,
    });
  }
}

/** Adds the seed's users, custom roles, groups and memberships (deterministic). */
export function addSeed(state: PortsipState, seed: PortsipSeed, now: number): void {
  for (const name of seed.customRoles ?? []) {
    state.addRole({
      name,
      description: `${name} (custom)`,
      permissions: grant(permissionSet(false), {
        general: ['voicemail_view_only'],
        policies: ['internal_calls'],
      }),
      builtIn: false,
    });
  }
  const users = Array.from({ length: seed.users ?? 0 }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    const first = FIRST[index % FIRST.length] ?? 'Demo';
    const last = LAST[Math.floor(index / FIRST.length) % LAST.length] ?? 'User';
    const user = {
      id: state.nextId(),
      name: `user${number}`,
      extension_number: String(1001 + index),
      password: `Sandbox-${number}`,
      role: 'StandardUser',
      enabled: true,
      email: `user${number}@sandbox.example.com`,
      display_name: `${first} ${last}`,
      department: DEPARTMENTS[index % DEPARTMENTS.length] ?? '',
      created_at: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    state.addUser(user);
    return user;
  });
  for (let index = 0; index < (seed.groups ?? 0); index += 1) {
    const group = {
      id: state.nextId(),
      name: GROUP_NAMES[index] ?? `Group ${index + 1}`,
      description: 'Demo group',
      outbound_caller_ids: [],
    };
    state.addGroup(group);
    const wanted = Math.min(users.length, seed.membersPerGroup ?? 3);
    for (let k = 0; k < wanted; k += 1) {
      const user = users[(index * wanted + k) % users.length];
      if (user && !state.isMember(group.id, user.id)) {
        state.addMember(group.id, user.id);
      }
    }
  }
}
