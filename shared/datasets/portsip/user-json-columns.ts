import { z } from 'zod';

/**
 * The nested parts of a PortSIP user that a sheet can set through a JSON cell:
 * `office_hours_json` (the create body's `office_hours`) and `forward_rules_json` (its
 * `*_forward_rule` objects and `custom_forward_rules`), written from the POST /api/users body
 * in specs/portsip-pbx-users-roles-groups.txt.
 *
 * The spec shows one example value for each code (mode CUSTOM, action FORWARD_TO_NUMBER, type
 * ALL_HOURS) and lists no others, so codes are checked for shape (upper-case, like every
 * PortSIP enum) and the PBX judges the value. Objects are strict: a misspelt key ("mondey",
 * "timout") is an error rather than a setting silently dropped.
 */

const CODE = /^[A-Z][A-Z0-9_]*$/;
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const code = (example: string) =>
  z.string().regex(CODE, `must be an upper-case code such as ${example}`);
const clock = z.string().regex(CLOCK, 'must be a time of day as HH:MM, e.g. 09:00');

const TimeRange = z
  .strictObject({ from: clock, to: clock })
  // Only once both are times: a malformed one already has its own message.
  .refine((range) => !CLOCK.test(range.from) || !CLOCK.test(range.to) || range.from < range.to, {
    message: 'must be later than from',
    path: ['to'],
  });

const DayHours = z.strictObject({ enabled: z.boolean(), ranges: z.array(TimeRange).optional() });

/** Week days in the spec's order. */
export const WEEK_DAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

const week = Object.fromEntries(WEEK_DAYS.map((day) => [day, DayHours.optional()])) as Record<
  (typeof WEEK_DAYS)[number],
  z.ZodOptional<typeof DayHours>
>;

/** `office_hours`: a mode and, per day, whether it has office hours and their ranges. */
export const OfficeHoursSchema = z.strictObject({ mode: code('CUSTOM'), ...week });
export type PortsipOfficeHours = z.infer<typeof OfficeHoursSchema>;

const needsNumber = (rule: { action: string; number?: string | undefined }) =>
  rule.action !== 'FORWARD_TO_NUMBER' || (rule.number !== undefined && rule.number !== '');
const NUMBER_REQUIRED = {
  message: 'is required when action is FORWARD_TO_NUMBER',
  path: ['number'],
};

const ruleShape = { action: code('FORWARD_TO_NUMBER'), number: z.string().optional() };
const ForwardRule = z.strictObject(ruleShape).refine(needsNumber, NUMBER_REQUIRED);
const NoAnswerRule = z
  .strictObject({
    ...ruleShape,
    timeout: z.int('must be a whole number of seconds').min(1, 'must be at least 1 second'),
  })
  .refine(needsNumber, NUMBER_REQUIRED);
const CustomForwardRule = z
  .strictObject({
    ...ruleShape,
    caller_id: z.string().optional(),
    type: code('ALL_HOURS'),
    hours: z.strictObject(week).optional(),
  })
  .refine(needsNumber, NUMBER_REQUIRED);

/** Every forward-rule field of the user body, in the spec's order. */
export const FORWARD_RULE_FIELDS = [
  'available_office_hours_forward_rule',
  'available_non_office_hours_forward_rule',
  'available_no_answer_forward_rule',
  'busy_office_hours_forward_rule',
  'busy_non_office_hours_forward_rule',
  'busy_no_answer_forward_rule',
  'dnd_office_hours_forward_rule',
  'dnd_non_office_hours_forward_rule',
  'away_office_hours_forward_rule',
  'away_non_office_hours_forward_rule',
  'lunch_office_hours_forward_rule',
  'lunch_non_office_hours_forward_rule',
  'trip_office_hours_forward_rule',
  'trip_non_office_hours_forward_rule',
  'offline_office_hours_forward_rule',
  'offline_non_office_hours_forward_rule',
  'custom_forward_rules',
] as const;
type ForwardRuleField = (typeof FORWARD_RULE_FIELDS)[number];

const forwardShape: Record<string, z.ZodType> = {};
for (const key of FORWARD_RULE_FIELDS) {
  forwardShape[key] =
    key === 'custom_forward_rules'
      ? z.array(CustomForwardRule).optional()
      : key.endsWith('_no_answer_forward_rule')
        ? NoAnswerRule.optional()
        : ForwardRule.optional();
}

/** `forward_rules_json`: any of the forward-rule fields, under their API names. */
export const ForwardRulesSchema = z.strictObject(forwardShape);

/** One forward rule as the API takes it. */
export interface PortsipForwardRule {
  action: string;
  number?: string;
  timeout?: number;
  caller_id?: string;
  type?: string;
  hours?: Record<string, unknown>;
}
/** The forward-rule fields of a user body. */
export type PortsipForwardRules = {
  [K in Exclude<ForwardRuleField, 'custom_forward_rules'>]?: PortsipForwardRule;
} & { custom_forward_rules?: PortsipForwardRule[] };

/** A problem with a JSON cell, as the builder records it. */
export interface JsonCellProblem {
  code: 'INVALID_JSON' | 'INVALID_JSON_VALUE';
  message: string;
}

/**
 * Parses a JSON cell and checks it against `schema`. Messages name the column and the place
 * inside the JSON ("office_hours_json: monday.ranges.0.from must be a time of day…"), so
 * the admin can find the mistake in a long cell.
 */
export function parseJsonCell<T>(
  column: string,
  cell: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; problems: JsonCellProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(cell);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ code: 'INVALID_JSON', message: `${column} is not valid JSON: ${why}` }],
    };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    return { ok: true, value: parsed.data };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const where = issue.path.map(String).join('.');
      return {
        code: 'INVALID_JSON_VALUE',
        message: `${column}: ${where === '' ? '' : `${where} `}${issue.message}`,
      };
    }),
  };
}
