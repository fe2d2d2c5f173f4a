/**
 * Zoom's number types (the spec's `type` integer): 1 toll, 2 toll-free. Listed by their
 * labels because the spec's table of valid values came through empty in specs/; the values
 * are those of Zoom's API reference for this endpoint.
 */
export const NUMBER_TYPES = [
  { value: 1, label: 'Toll' },
  { value: 2, label: 'Toll-free' },
] as const;
export type NumberType = (typeof NUMBER_TYPES)[number]['value'];

/**
 * The languages Zoom offers for an internal number. The spec's list of valid values came
 * through empty in specs/; Zoom's API reference says "Currently, the only supported
 * languages are en-GB, en-US, de-DE".
 */
export const NUMBER_LANGUAGES = ['en-GB', 'en-US', 'de-DE'] as const;
export type NumberLanguage = (typeof NUMBER_LANGUAGES)[number];

// Human spellings that name exactly one choice; "English" alone names two and stays an error.
const LANGUAGE_NAMES: ReadonlyMap<string, NumberLanguage> = new Map([
  ['english (uk)', 'en-GB'],
  ['english (united kingdom)', 'en-GB'],
  ['english (gb)', 'en-GB'],
  ['british english', 'en-GB'],
  ['uk english', 'en-GB'],
  ['english (us)', 'en-US'],
  ['english (united states)', 'en-US'],
  ['american english', 'en-US'],
  ['us english', 'en-US'],
  ['german', 'de-DE'],
  ['german (germany)', 'de-DE'],
  ['deutsch', 'de-DE'],
]);

const TYPE_WORDS: ReadonlyMap<string, NumberType> = new Map([
  ['1', 1],
  ['toll', 1],
  ['2', 2],
  ['tollfree', 2],
]);
// "Toll-free", "toll free", "TOLL_FREE" and "tollfree" are one word once these are gone.
const TYPE_NOISE = /[\s_-]+/g;

/** Reads a type cell: 1/2, Toll, Toll-free (any case, space, - or _); undefined otherwise. */
export function parseNumberType(value: string): NumberType | undefined {
  return TYPE_WORDS.get(value.trim().toLowerCase().replace(TYPE_NOISE, ''));
}

/** The label a number type is written with in templates and exports. */
export function numberTypeLabel(type: number): string {
  return NUMBER_TYPES.find((entry) => entry.value === type)?.label ?? String(type);
}

/** Reads a languages cell: en-GB / en_gb / EN-GB, or an unambiguous name such as "German". */
export function parseNumberLanguage(value: string): NumberLanguage | undefined {
  const lower = value.trim().toLowerCase();
  const code = lower.replace('_', '-');
  return (
    NUMBER_LANGUAGES.find((language) => language.toLowerCase() === code) ??
    LANGUAGE_NAMES.get(lower.replace(/\s+/g, ' '))
  );
}

// Zoom account ids are base62 (22 characters today, shorter for old accounts); the id goes
// into the URL path, so anything else (spaces, slashes) is refused before it gets there.
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `me` (any case) for the master account, a sub account id as written, or undefined if malformed. */
export function parseAccountId(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed.toLowerCase() === 'me') {
    return 'me';
  }
  return ACCOUNT_ID.test(trimmed) ? trimmed : undefined;
}

/**
 * The natural key of an internal number: the E.164 number, qualified by the account when the
 * row names one. A row without an account_id goes to the run's `--account-id`, which the
 * dataset does not know, so its key is the bare number; the connector keys what it reads
 * from that account the same way.
 */
export function internalNumberIdentity(number: string, accountId?: string): string {
  return accountId === undefined ? number : `${number}@${accountId.toLowerCase()}`;
}
