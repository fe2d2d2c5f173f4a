/**
 * Field rules of the users endpoints (specs/portsip-pbx-users-roles-groups.txt, "Create a new
 * user" and "Modify the settings of a user"), the rule text itself living in
 * shared/datasets/portsip/portsip-rules.ts so dataset schemas apply the same rules:
 *
 * - The body is a JSON object; a field the spec does not list is refused (400 naming it).
 * - Types: text fields are strings, flags are booleans, outbound_caller_ids / blfs /
 *   custom_forward_rules are arrays, office_hours and the *_forward_rule fields objects.
 * - name: required on create; letters, digits, _ - ' . only; not starting or ending with a
 *   period; admin, system, administrator and root are reserved (case ignored). Unique (409).
 * - password: required on create, not empty (the spec gives no complexity policy).
 * - extension_number: required on create, [0-9]{3,64}. Unique as text (409).
 * - extension_password: not empty when given.
 * - email: an address when given (not unique: the spec does not say it is).
 * - role: an existing role (400 otherwise); default StandardUser. Changed only through
 *   POST /api/users/{id}/role.
 * - sms ∈ DISABLE | ALLOW | ALLOW_WITH_SENDER_ID; voicemail_play_datetime ∈ DISABLE |
 *   12_HOUR_CLOCK | 24_HOUR_CLOCK; interface ∈ WEB_DOMAIN | PUBLIC_IPV4 | PUBLIC_IPV6 |
 *   PRIVATE_IPV4 | PRIVATE_IPV6 | SBC_DOMAIN; preferred_transport ∈ UDP | TCP | TLS.
 * - voicemail_prompt: a BCP 47 language tag (en-US).
 * - voicemail_pin: 6-10 digits, no digit three times in a row, no ascending run of three.
 * - custom_options: a string holding serialised JSON.
 * - Update (POST /api/users/{id}) takes every field but name, password, extension_number,
 *   extension_password and role: those have their own calls or cannot change (400 naming it).
 */
import {
  checkEmail,
  checkEnum,
  checkExtensionNumber,
  checkLanguageTag,
  checkPassword,
  checkUserName,
  checkVoicemailPin,
  PORTSIP_INTERFACES,
  PORTSIP_PLAY_DATETIME,
  PORTSIP_SMS_MODES,
  PORTSIP_TRANSPORTS,
} from '../../../shared/datasets/portsip/portsip-rules';
import type { JsonReply } from '../http/sim-http-server';
import { invalidField } from './portsip-errors';

const CREATE_ONLY = ['name', 'password', 'extension_number', 'extension_password', 'role'];
const TEXT = [
  ...CREATE_ONLY,
  'email',
  'display_name',
  'mobile_phone',
  'work_phone',
  'home_phone',
  'address',
  'department',
  'custom_options',
  'voicemail_prompt',
  'voicemail_pin',
  'sms',
  'voicemail_play_datetime',
  'interface',
  'preferred_transport',
];
const FLAGS = [
  'enabled',
  'enable_audio_recording',
  'enable_video_recording',
  'enable_dnd',
  'enable_acb',
  'enable_hot_desking',
  'anonymous_outbound_calls',
  'delivery_outbound_cid',
  'enable_voicemail_pin',
  'enable_voicemail_notify',
];
const LISTS = ['outbound_caller_ids', 'custom_forward_rules', 'blfs'];
const FORWARD_STATES = ['available', 'busy', 'dnd', 'away', 'lunch', 'trip', 'offline'];
const OBJECTS = [
  'office_hours',
  ...FORWARD_STATES.flatMap((s) => [
    `${s}_office_hours_forward_rule`,
    `${s}_non_office_hours_forward_rule`,
  ]),
  'available_no_answer_forward_rule',
  'busy_no_answer_forward_rule',
];

const TEXT_RULES: Record<string, (value: string) => string | undefined> = {
  name: checkUserName,
  password: checkPassword,
  extension_password: checkPassword,
  extension_number: checkExtensionNumber,
  email: checkEmail,
  sms: (v) => checkEnum(v, PORTSIP_SMS_MODES),
  voicemail_play_datetime: (v) => checkEnum(v, PORTSIP_PLAY_DATETIME),
  interface: (v) => checkEnum(v, PORTSIP_INTERFACES),
  preferred_transport: (v) => checkEnum(v, PORTSIP_TRANSPORTS),
  voicemail_prompt: checkLanguageTag,
  voicemail_pin: checkVoicemailPin,
  role: (v) => (v.trim() === '' ? 'must not be empty' : undefined),
  custom_options: (v) => {
    try {
      JSON.parse(v);
      return undefined;
    } catch {
      return 'must be a JSON string';
    }
  },
};

/** A user body that passed the field rules, or the 400 to answer. */
export type CheckedUser =
  { ok: true; fields: Record<string, unknown> } | { ok: false; reply: JsonReply };

function typeProblem(field: string, value: unknown): string | undefined {
  if (TEXT.includes(field)) {
    return typeof value === 'string' ? undefined : 'must be a string';
  }
  if (FLAGS.includes(field)) {
    return typeof value === 'boolean' ? undefined : 'must be true or false';
  }
  if (LISTS.includes(field)) {
    return Array.isArray(value) ? undefined : 'must be an array';
  }
  if (OBJECTS.includes(field)) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? undefined
      : 'must be an object';
  }
  return 'is not a field of a PortSIP user';
}

/** Checks a create (all rules, required fields) or update (no create-only fields) body. */
export function checkUserBody(body: unknown, mode: 'create' | 'update'): CheckedUser {
  const fail = (field: string, problem: string): CheckedUser => ({
    ok: false,
    reply: invalidField(field, problem),
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('body', 'must be a JSON object');
  }
  const fields = body as Record<string, unknown>;
  if (mode === 'create') {
    for (const required of ['name', 'password', 'extension_number']) {
      if (fields[required] === undefined || fields[required] === null) {
        return fail(required, 'is required');
      }
    }
  }
  for (const [field, value] of Object.entries(fields)) {
    if (mode === 'update' && CREATE_ONLY.includes(field)) {
      return fail(
        field,
        field === 'role'
          ? 'is changed with POST /api/users/{id}/role'
          : 'cannot be changed by updating the user',
      );
    }
    const problem = typeProblem(field, value) ?? TEXT_RULES[field]?.(value as string);
    if (problem) {
      return fail(field, problem);
    }
  }
  return { ok: true, fields };
}
