import { defaultSite, ZOOM_SITES } from './zoom-catalog';
import { stableZoomId } from './zoom-ids';
import type { ZoomPhoneUser, ZoomState, ZoomUserStatus } from './zoom-state';

/** A demo user to put in the account before any request; omitted fields get demo values. */
export interface SeedUser {
  email: string;
  firstName?: string;
  lastName?: string;
  extensionNumber?: string;
  /** Site code (`HQ`, `RMT`) or name. */
  site?: string;
  callingPlans?: string[];
  phoneNumbers?: string[];
  department?: string;
  costCenter?: string;
  status?: ZoomUserStatus;
}

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Daniel',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Isla',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
];
const LAST = [
  'Anders',
  'Brooks',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Khan',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Weber',
];
const DEPARTMENTS = ['Sales', 'Support', 'Engineering', 'Finance', 'Operations'];
const COST_CENTERS = ['CC-100', 'CC-200', 'CC-300'];
const PLAN_SETS = [
  ['US/CA Unlimited Calling'],
  ['US/CA Metered Calling'],
  ['US/CA Unlimited Calling', 'International Select'],
  ['Global Select'],
  ['Zoom Phone Basic'],
];
// Fictional ranges only: NANP 555-0100..0199 per area code, and Ofcom's drama range 020 7946 0xxx.
const AREA_CODES = ['202', '212', '312', '415', '512', '617', '646', '702', '718', '805'];

function pick<T>(list: readonly T[], index: number): T {
  const value = list[index % list.length];
  if (value === undefined) {
    throw new Error('empty seed list');
  }
  return value;
}

/** The `index`-th (0-based) deterministic demo user: user001@sandbox.example.com, extension 1001, … */
export function demoSeedUser(index: number): SeedUser {
  const remote = index % 5 === 4;
  const status: ZoomUserStatus =
    index % 10 === 9 ? 'deactivate' : index % 25 === 23 ? 'pending' : 'activate';
  const line = String(100 + (index % 100)).padStart(4, '0');
  const number = remote
    ? `+44207946${String(index % 1000).padStart(4, '0')}`
    : `+1${pick(AREA_CODES, Math.floor(index / 100))}555${line}`;
  return {
    email: `user${String(index + 1).padStart(3, '0')}@sandbox.example.com`,
    firstName: pick(FIRST, index),
    lastName: pick(LAST, index * 7 + Math.floor(index / FIRST.length)),
    extensionNumber: String(1001 + index),
    site: remote ? 'RMT' : 'HQ',
    callingPlans: pick(PLAN_SETS, index),
    // Numbers repeat past 1000 users, so only the first thousand get one.
    phoneNumbers: index < 1000 ? [number] : [],
    department: pick(DEPARTMENTS, index),
    costCenter: pick(COST_CENTERS, index),
    status,
  };
}

function nextFreeExtension(state: ZoomState, from: number): string {
  let candidate = from;
  while (state.findByExtension(String(candidate))) {
    candidate += 1;
  }
  return String(candidate);
}

/**
 * Puts demo users into the account: `n` generated ones, or the given list.
 *
 * Ids derive from the email, so a seeded user keeps its ids across restarts. Throws if a
 * seed clashes with an existing user or names an unknown site: seeds are test set-up, and a
 * silent skip would hide a broken fixture.
 */
export function addSeedUsers(
  state: ZoomState,
  seed: number | readonly SeedUser[],
): ZoomPhoneUser[] {
  const start = state.count();
  const list =
    typeof seed === 'number'
      ? Array.from({ length: seed }, (_, i) => demoSeedUser(start + i))
      : seed;
  const created: ZoomPhoneUser[] = [];
  for (const item of list) {
    const site =
      item.site === undefined
        ? defaultSite()
        : ZOOM_SITES.find((s) => s.code === item.site || s.name === item.site);
    if (!site) {
      throw new Error(`seed user ${item.email}: "${item.site}" is not a sandbox site code or name`);
    }
    const key = item.email.toLowerCase();
    const user: ZoomPhoneUser = {
      id: stableZoomId(`user:${key}`),
      phoneUserId: stableZoomId(`phone-user:${key}`),
      extensionId: stableZoomId(`extension:${key}`),
      email: item.email,
      firstName: item.firstName ?? '',
      lastName: item.lastName ?? '',
      // Generated users step over extensions a custom seed already took.
      extensionNumber:
        typeof seed === 'number'
          ? nextFreeExtension(state, Number(item.extensionNumber ?? 1001))
          : (item.extensionNumber ?? nextFreeExtension(state, 1001)),
      siteId: site.id,
      callingPlans: item.callingPlans ?? ['US/CA Unlimited Calling'],
      phoneNumbers: (item.phoneNumbers ?? []).map((number) => ({
        id: stableZoomId(`number:${number}`),
        number,
      })),
      department: item.department ?? '',
      costCenter: item.costCenter ?? '',
      status: item.status ?? 'activate',
      deskPhones: [],
    };
    state.add([user]);
    created.push(user);
  }
  return created;
}
