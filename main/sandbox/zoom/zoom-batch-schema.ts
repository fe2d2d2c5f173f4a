import { z } from 'zod';
import { findPlan } from './zoom-catalog';

/** Most users one batch call may carry (spec: "You can add up to 10 users at a time"). */
export const MAX_BATCH_USERS = 10;

const E164 = /^\+[1-9]\d{6,14}$/;
const MAC = /^[0-9A-Fa-f]{2}([-:]?[0-9A-Fa-f]{2}){5}$/;

const required = (type: string) => ({
  error: (issue: { input: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${type}`,
});
const optionalString = () => z.string(required('a string')).min(1, 'must not be empty').optional();
const e164 = () =>
  z.string(required('a string')).regex(E164, 'must be an E.164 number such as +14155550100');

const DeskPhone = z.strictObject({
  brand: optionalString(),
  model: optionalString(),
  mac: z
    .string(required('a string'))
    .regex(MAC, 'must be a MAC address such as 00:11:22:AA:BB:CC')
    .optional(),
  provision_template: optionalString(),
});

/**
 * One user of a batch-add request, as Zoom's SDK types it: `calling_plans`, `email` and
 * `extension_number` required, everything else optional, nothing else allowed.
 *
 * Unknown fields are refused rather than ignored so a mapping typo (`extention_number`) shows
 * up as an error instead of a user created without the data the admin meant to send.
 */
export const BatchUser = z.strictObject({
  calling_plans: z
    .array(
      z.string(required('a string')).refine((name) => findPlan(name) !== undefined, {
        error: (issue) => `unknown calling plan ${JSON.stringify(issue.input)}`,
      }),
      required('an array of plan names'),
    )
    .min(1, 'must list at least one calling plan'),
  email: z.email({
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be a valid email address'),
  }),
  extension_number: z
    .string(required('a string of digits'))
    .regex(/^\d{1,15}$/, 'must be a string of digits'),
  first_name: optionalString(),
  last_name: optionalString(),
  outbound_caller_id: e164().optional(),
  phone_numbers: z.array(e164(), required('an array of E.164 numbers')).optional(),
  select_outbound_caller_id: z.boolean(required('true or false')).optional(),
  site_code: optionalString(),
  site_name: optionalString(),
  sms: z.boolean(required('true or false')).optional(),
  template_name: optionalString(),
  desk_phones: z.array(DeskPhone, required('an array')).optional(),
});
/** A batch user that passed the field rules. */
export type BatchUser = z.infer<typeof BatchUser>;

/** The request body: `{users: [...]}` and nothing else; users are checked one by one later. */
export const BatchBody = z.strictObject({
  users: z.array(z.unknown(), required('an array of users')),
});

/** How a client can tell which user a message is about: index, and email when there is one. */
export function userLabel(index: number, raw: unknown): string {
  const email =
    typeof raw === 'object' && raw !== null ? (raw as { email?: unknown }).email : undefined;
  return typeof email === 'string' && email !== ''
    ? `users[${index}] (${email})`
    : `users[${index}]`;
}

/** Words the first zod issue as `<label>: <field>: <problem>`, the way the simulator reports it. */
export function describeIssue(label: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) {
    return `${label}: invalid`;
  }
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
    return `${label}: ${where}unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  }
  return `${label}: ${formatPath(issue.path)} ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
