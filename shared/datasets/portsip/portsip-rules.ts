/**
 * PortSIP PBX field rules (specs/portsip-pbx-users-roles-groups.txt), shared by the
 * simulator (main/sandbox/portsip) and the PortSIP dataset schemas, so a sheet is judged by
 * exactly the rules the PBX enforces.
 *
 * How dataset authors use it: each `check…` returns undefined when the value is fine, else a
 * short sentence that reads after the field name ("must be 3 to 64 digits"). In a zod schema:
 *
 *   extension_number: z.string().superRefine((value, ctx) => {
 *     const problem = checkExtensionNumber(value);
 *     if (problem) ctx.addIssue({ code: 'custom', message: `extension_number ${problem}` });
 *   }),
 *   sms: z.enum(PORTSIP_SMS_MODES).optional(),
 *
 * Enums are `as const` arrays for `z.enum`; the permission groups and keys describe the role
 * `permissions` object. Pure TypeScript: no Node, no DOM, no zod (so main/ can use it too).
 */

/** User names kept for the system admin; compared with case ignored (spec: users, create). */
export const PORTSIP_RESERVED_USER_NAMES = ['admin', 'system', 'administrator', 'root'] as const;

/** Letters, digits, `_`, `-`, `'` and `.`; the start/end rule for `.` is checked separately. */
export const PORTSIP_USER_NAME_PATTERN = /^[\p{L}\p{N}_'.-]+$/u;

/** Extension numbers: 3 to 64 digits, as text (leading zeros are kept). */
export const PORTSIP_EXTENSION_PATTERN = /^[0-9]{3,64}$/;

/** Largest page the list endpoints serve (`top`); DESIGN.md: top ≤ 100. */
export const PORTSIP_MAX_TOP = 100;

/** `sms`: the user's SMS/MMS mode. */
export const PORTSIP_SMS_MODES = ['DISABLE', 'ALLOW', 'ALLOW_WITH_SENDER_ID'] as const;
/** `voicemail_play_datetime`: how a message's date and time are announced. */
export const PORTSIP_PLAY_DATETIME = ['DISABLE', '12_HOUR_CLOCK', '24_HOUR_CLOCK'] as const;
/** `interface`: the interface for QR code or auto provisioning. */
export const PORTSIP_INTERFACES = [
  'WEB_DOMAIN',
  'PUBLIC_IPV4',
  'PUBLIC_IPV6',
  'PRIVATE_IPV4',
  'PRIVATE_IPV6',
  'SBC_DOMAIN',
] as const;
/** `preferred_transport`. */
export const PORTSIP_TRANSPORTS = ['UDP', 'TCP', 'TLS'] as const;

/** Roles every PBX has; they cannot be modified or destroyed and their names are reserved. */
export const PORTSIP_BUILT_IN_ROLES = [
  'SystemAdmin',
  'Replicator',
  'Dealer',
  'Admin',
  'StandardUser',
  'StandardInternationalUser',
  'QueueManager',
] as const;

/** A role's `permissions`: group → its boolean keys (the spec's POST /api/roles body). */
export const PORTSIP_PERMISSIONS = {
  general: ['voicemail_view_only', 'voicemail_full_access', 'meeting'],
  system: ['information', 'dealer', 'tenant'],
  trunk: ['view_only', 'full_access'],
  company: ['view_only', 'full_access'],
  company_call_log: [
    'call_log_view_only',
    'call_log_full_access',
    'call_recording_view_only',
    'call_recording_full_access',
  ],
  phone_system: ['view_only', 'full_access'],
  user_management: ['roles', 'users'],
  user_call_log: [
    'call_log_view_only',
    'call_log_full_access',
    'call_recording_view_only',
    'call_recording_full_access',
  ],
  policies: ['domestic_calls', 'internal_calls', 'international_calls'],
  analytics: ['call_report_view_only', 'call_report_full_access'],
  billing: ['view_only', 'full_access'],
} as const satisfies Record<string, readonly string[]>;

/** One permission group's name. */
export type PortsipPermissionGroup = keyof typeof PORTSIP_PERMISSIONS;
/** The permission groups, in the spec's order. */
export const PORTSIP_PERMISSION_GROUPS = Object.keys(
  PORTSIP_PERMISSIONS,
) as readonly PortsipPermissionGroup[];

/** A problem with one value: the dotted path of the field and what is wrong. */
export interface PortsipRuleProblem {
  field: string;
  message: string;
}

/** Whether a user name is one of the reserved names (case ignored). */
export function isReservedUserName(name: string): boolean {
  const lower = name.toLowerCase();
  return PORTSIP_RESERVED_USER_NAMES.some((reserved) => reserved === lower);
}

/** User name rules: allowed characters, no `.` at either end, not reserved. */
export function checkUserName(name: string): string | undefined {
  if (name.length === 0) {
    return 'must not be empty';
  }
  if (!PORTSIP_USER_NAME_PATTERN.test(name)) {
    return "may hold only letters, digits, _ - ' and .";
  }
  if (name.startsWith('.') || name.endsWith('.')) {
    return 'must not start or end with a period';
  }
  if (isReservedUserName(name)) {
    return `"${name}" is reserved for the system admin`;
  }
  return undefined;
}

/** Extension number rule: [0-9]{3,64}. */
export function checkExtensionNumber(extension: string): string | undefined {
  return PORTSIP_EXTENSION_PATTERN.test(extension) ? undefined : 'must be 3 to 64 digits';
}

/**
 * Password and extension password. The spec states no complexity policy, so the only rule is
 * that one is given: the PBX would otherwise create an account nobody can sign in to.
 */
export function checkPassword(password: string): string | undefined {
  return password.length === 0 ? 'must not be empty' : undefined;
}

/** True when `digits` holds `run` ascending consecutive digits ("012", "789"). */
function hasAscendingRun(digits: string, run: number): boolean {
  let length = 1;
  for (let index = 1; index < digits.length; index += 1) {
    length = digits.charCodeAt(index) === digits.charCodeAt(index - 1) + 1 ? length + 1 : 1;
    if (length >= run) {
      return true;
    }
  }
  return false;
}

/**
 * Voicemail PIN policy: 6-10 digits, no repeated digit run ("111") and no sequential run
 * ("012", "789"). The spec's examples are three digits long and ascending, so that is what
 * is refused; "987" passes, as it does on the PBX's own form.
 */
export function checkVoicemailPin(pin: string): string | undefined {
  if (!/^[0-9]{6,10}$/.test(pin)) {
    return 'must be 6 to 10 digits';
  }
  if (/([0-9])\1\1/.test(pin)) {
    return 'must not repeat a digit three times in a row (e.g. "111")';
  }
  if (hasAscendingRun(pin, 3)) {
    return 'must not hold sequential digits (e.g. "012", "789")';
  }
  return undefined;
}

/** A plain address check (local@domain.tld, no spaces); the PBX sends mail to it. */
export function checkEmail(email: string): string | undefined {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? undefined : 'must be an email address';
}

// RFC 5646 language tag as prompts use it: language (2-3 letters; the 5-8 letter form is
// reserved and unassigned, so "english" is refused), optional script (4 letters), region
// (2 letters or 3 digits), variants. Extensions and private use are not prompt languages.
const LANGUAGE_TAG =
  /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$/;

/** `voicemail_prompt`: a BCP 47 language tag such as en-US. */
export function checkLanguageTag(tag: string): string | undefined {
  return LANGUAGE_TAG.test(tag) ? undefined : 'must be a BCP 47 language tag such as en-US';
}

/** Whether a role name is a built-in one; case ignored, since the names are reserved words. */
export function isBuiltInRole(name: string): boolean {
  const lower = name.toLowerCase();
  return PORTSIP_BUILT_IN_ROLES.some((role) => role.toLowerCase() === lower);
}

/** A custom role's name: non-empty, no surrounding spaces, not a built-in name. */
export function checkCustomRoleName(name: string): string | undefined {
  if (name.trim().length === 0) {
    return 'must not be empty';
  }
  if (name.trim() !== name) {
    return 'must not start or end with a space';
  }
  if (isBuiltInRole(name)) {
    return `"${name}" is a built-in role name and is reserved`;
  }
  return undefined;
}

/** Whether `value` is one of an enum's values; the message lists them. */
export function checkEnum(value: string, allowed: readonly string[]): string | undefined {
  return allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}`;
}

/**
 * A role's `permissions` object: only known groups, only their keys, booleans only. Groups
 * and keys may be left out (a role update may change a few). Every problem is reported.
 */
export function checkPermissions(value: unknown): PortsipRuleProblem[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) {
    return [{ field: 'permissions', message: 'must be an object of permission groups' }];
  }
  const problems: PortsipRuleProblem[] = [];
  for (const [group, keys] of Object.entries(value)) {
    const known: readonly string[] | undefined = (
      PORTSIP_PERMISSIONS as Record<string, readonly string[]>
    )[group];
    if (!known) {
      problems.push({ field: `permissions.${group}`, message: 'is not a permission group' });
      continue;
    }
    if (!isObject(keys)) {
      problems.push({ field: `permissions.${group}`, message: 'must be an object' });
      continue;
    }
    for (const [key, flag] of Object.entries(keys)) {
      if (!known.includes(key)) {
        problems.push({ field: `permissions.${group}.${key}`, message: 'is not a permission' });
      } else if (typeof flag !== 'boolean') {
        problems.push({ field: `permissions.${group}.${key}`, message: 'must be true or false' });
      }
    }
  }
  return problems;
}
