import { z } from 'zod';
import { isIsoCountry } from '../../../shared/datasets/zoom/iso-countries';

const E164 = /^\+[1-9]\d{6,14}$/;
// Zoom's API reference lists these; the spec's own table of values came through empty.
const LANGUAGES = ['en-GB', 'en-US', 'de-DE'] as const;

const required = (type: string) => ({
  error: (issue: { input: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${type}`,
});
const text = () => z.string(required('a string')).trim().min(1, 'must not be empty');
const flag = () => z.boolean(required('true or false')).optional();

/**
 * One item of the `internal_numbers` array, with the spec's required fields and types.
 *
 * Unknown fields are refused, as the batch-add schema does: a client leaking its own fields
 * (say the account it grouped by) into the body is a bug to surface, not to ignore.
 */
export const InternalNumberItem = z.strictObject({
  labels: text(),
  number: z
    .string(required('a string'))
    .regex(E164, 'must be an E.164 number such as +14155550100'),
  display_number: text(),
  type: z
    .number(required('an integer: 1 (toll) or 2 (toll-free)'))
    .refine((value) => value === 1 || value === 2, 'must be 1 (toll) or 2 (toll-free)'),
  country: z
    .string(required('a string'))
    .refine(
      (value) => /^[A-Z]{2}$/.test(value) && isIsoCountry(value),
      'must be a two-letter ISO 3166 country code such as US',
    ),
  languages: z.enum(LANGUAGES, {
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be one of ${LANGUAGES.join(', ')}`,
  }),
  visible: flag(),
  allow_join: flag(),
  allow_for_external_meetings: flag(),
});
export type InternalNumberItem = z.infer<typeof InternalNumberItem>;

/** The request body: `{internal_numbers: [...]}`; items are checked one by one later. */
export const InternalNumbersBody = z.strictObject({
  internal_numbers: z.array(z.unknown(), required('an array of numbers')),
});

/** How a client can tell which item a message is about: index, and number when there is one. */
export function itemLabel(index: number, raw: unknown): string {
  const number =
    typeof raw === 'object' && raw !== null ? (raw as { number?: unknown }).number : undefined;
  return typeof number === 'string' && number !== ''
    ? `internal_numbers[${index}] (${number})`
    : `internal_numbers[${index}]`;
}
