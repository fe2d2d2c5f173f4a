import { canonicalLanguageTag } from './build-portsip-user';
import {
  USER_ENUM_KEYS,
  USER_FLAG_FIELDS,
  USER_LISTED_FIELDS,
  USER_TEXT_FIELDS,
} from './user-field-keys';
import { FORWARD_RULE_FIELDS } from './user-json-columns';

/**
 * Every user field that can be compared with the PBX: what a sheet sets and GET
 * /api/users/{id} returns. Passwords, the extension password and the voicemail PIN are not
 * here: no endpoint returns them, so a sheet's value can never be shown equal or different.
 */
export const USER_COMPARED_FIELDS: readonly string[] = [
  ...USER_LISTED_FIELDS,
  ...USER_TEXT_FIELDS,
  ...USER_FLAG_FIELDS,
  ...USER_ENUM_KEYS,
  'voicemail_prompt',
  'office_hours',
  ...FORWARD_RULE_FIELDS,
].filter((key, index, all) => all.indexOf(key) === index);

const LISTED = new Set<string>(USER_LISTED_FIELDS);
/** Compared fields that GET /api/users does not list: reading them costs a GET per user. */
export const USER_DETAIL_FIELDS: ReadonlySet<string> = new Set(
  USER_COMPARED_FIELDS.filter((key) => !LISTED.has(key)),
);

/** Whether comparing this body needs the user's full settings, not just the list's fields. */
export function needsUserDetails(payload: object): boolean {
  return Object.keys(payload).some((key) => USER_DETAIL_FIELDS.has(key));
}

/** JSON with object keys sorted at every level, so equal objects give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
  }
  return value;
}

/**
 * The comparable values of a user, from a sheet's body or from the PBX (list item or full
 * settings): the same function on both sides, so a value read back compares equal to the
 * value sent. Names and roles are compared with case ignored (the PBX treats them so);
 * booleans as true/false; objects as canonical JSON. Fields absent or null are left out.
 */
export function portsipUserComparable(
  user: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of USER_COMPARED_FIELDS) {
    const value = user[key];
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value === 'object') {
      values[key] = canonicalJson(value);
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') {
      continue;
    }
    const text = String(value);
    values[key] =
      key === 'name' || key === 'role'
        ? text.toLowerCase()
        : key === 'voicemail_prompt'
          ? canonicalLanguageTag(text)
          : text;
  }
  return values;
}
