import type { CountryCode } from 'libphonenumber-js/max';
import type { FieldWarning, MappedRecord } from '../dataset';
import { normalisePhone } from '../../phone/normalise-phone';
import { isIsoCountry } from './iso-countries';
import { INTERNAL_NUMBER_TEXT_MAX } from './internal-number-fields';

/** The yes/no columns of an internal number. */
export const FLAGS = ['visible', 'allow_join', 'allow_for_external_meetings'] as const;

/** A country cell upper-cased, if it is an assigned ISO 3166 alpha-2 code. */
export const parseCountry = (value: string) => {
  const code = value.toUpperCase();
  return isIsoCountry(code) ? code : undefined;
};

/** What a coded cell needs when it is empty (required only) or unreadable: code and words. */
const CELL_RULES: Record<string, { required?: string; code: string; rule: string }> = {
  type: {
    required: 'type is required: 1 (Toll) or 2 (Toll-free)',
    code: 'INVALID_CHOICE',
    rule: 'type must be 1 (Toll) or 2 (Toll-free)',
  },
  country: {
    required: "country is required: the two-letter ISO code of the number's country, e.g. US",
    code: 'INVALID_COUNTRY',
    rule: 'country must be a two-letter ISO country code such as US or GB',
  },
  languages: {
    required: 'languages is required: en-GB, en-US or de-DE',
    code: 'INVALID_CHOICE',
    rule: 'languages must be en-GB, en-US or de-DE',
  },
  account_id: {
    code: 'INVALID_ACCOUNT_ID',
    rule: 'account_id must be me (the master account) or a Zoom sub account ID (letters, digits, - and _)',
  },
  ...Object.fromEntries(
    FLAGS.map((key) => [
      key,
      { code: 'INVALID_YES_NO', rule: `${key} must be Yes or No (or Y/N, true/false, 1/0)` },
    ]),
  ),
};

/** Reads a coded cell with `parse`, recording why it is missing or unreadable. */
export function cell<T>(
  record: MappedRecord,
  key: string,
  parse: (value: string) => T | undefined,
  problems: FieldWarning[],
): T | undefined {
  const raw = record[key];
  const rules = CELL_RULES[key];
  if (raw === undefined) {
    if (rules?.required !== undefined) {
      fail(problems, key, 'REQUIRED', rules.required);
    }
    return undefined;
  }
  const value = parse(raw);
  if (value === undefined && rules) {
    fail(problems, key, rules.code, `${rules.rule}, got '${raw}'`);
  }
  return value;
}

export function numberOf(
  raw: string | undefined,
  defaultCountry: CountryCode | undefined,
  problems: FieldWarning[],
): string | undefined {
  if (raw === undefined) {
    fail(problems, 'number', 'REQUIRED', 'number is required: the phone number, e.g. +14155550100');
    return undefined;
  }
  const parsed = normalisePhone(raw, defaultCountry);
  if (!parsed.ok) {
    fail(problems, 'number', parsed.code, `number: ${parsed.reason}`);
    return undefined;
  }
  return parsed.e164;
}

export function displayOf(record: MappedRecord, problems: FieldWarning[]): string | undefined {
  const display = text(
    record,
    'display_number',
    'the number as shown, e.g. +1 703-555-1212',
    problems,
  );
  if (display !== undefined && !/\d/.test(display)) {
    fail(
      problems,
      'display_number',
      'INVALID_DISPLAY_NUMBER',
      `display_number must show the number's digits, e.g. +1 703-555-1212, got '${display}'`,
    );
    return undefined;
  }
  return display;
}

/** A required free-text field, at most INTERNAL_NUMBER_TEXT_MAX characters. */
export function text(
  record: MappedRecord,
  key: 'labels' | 'display_number',
  hint: string,
  problems: FieldWarning[],
): string | undefined {
  const value = record[key];
  if (value === undefined) {
    fail(problems, key, 'REQUIRED', `${key} is required: ${hint}`);
    return undefined;
  }
  if (value.length > INTERNAL_NUMBER_TEXT_MAX) {
    fail(
      problems,
      key,
      'TOO_LONG',
      `${key} must be at most ${INTERNAL_NUMBER_TEXT_MAX} characters, got ${value.length}`,
    );
    return undefined;
  }
  return value;
}

function fail(problems: FieldWarning[], field: string, code: string, message: string): void {
  problems.push({ field, code, message });
}
