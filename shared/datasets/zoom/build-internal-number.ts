import type { CountryCode } from 'libphonenumber-js/max';
import type { FieldWarning, MappedRecord } from '../dataset';
import { parseYesNo } from '../cell-values';
import {
  parseAccountId,
  parseNumberLanguage,
  parseNumberType,
  type NumberLanguage,
  type NumberType,
} from './internal-number-values';
import { cell, displayOf, FLAGS, numberOf, parseCountry, text } from './internal-number-cells';

/**
 * One item of POST /accounts/{accountId}/sip_trunk/internal_numbers's `internal_numbers`
 * array, plus `account_id`: the account the row goes to, which the connector puts in the
 * path and never in the body.
 */
export interface ZoomInternalNumberPayload {
  labels: string;
  number: string;
  display_number: string;
  type: NumberType;
  country: string;
  languages: NumberLanguage;
  visible?: boolean;
  allow_join?: boolean;
  allow_for_external_meetings?: boolean;
  account_id?: string;
}

/**
 * Builds the payload of one mapped record, or collects why it cannot be built.
 *
 * Hand-written like the users builder: one pass, and messages in the form the admin reads
 * ("country must be a two-letter ISO country code such as US or GB, got 'USA'"). Returns
 * undefined when `problems` gained an entry.
 */
export function buildInternalNumber(
  record: MappedRecord,
  defaultCountry: CountryCode | undefined,
  problems: FieldWarning[],
): ZoomInternalNumberPayload | undefined {
  const before = problems.length;
  const number = numberOf(record.number, defaultCountry, problems);
  const display = displayOf(record, problems);
  const labels = text(record, 'labels', 'a short description such as "London dial-in"', problems);

  const type = cell(record, 'type', parseNumberType, problems);
  const country = cell(record, 'country', parseCountry, problems);
  const languages = cell(record, 'languages', parseNumberLanguage, problems);
  const flags: Partial<Record<(typeof FLAGS)[number], boolean>> = {};
  for (const key of FLAGS) {
    const value = cell(record, key, parseYesNo, problems);
    if (value !== undefined) {
      flags[key] = value;
    }
  }
  const accountId = cell(record, 'account_id', parseAccountId, problems);

  if (
    problems.length > before ||
    labels === undefined ||
    display === undefined ||
    number === undefined ||
    type === undefined ||
    country === undefined ||
    languages === undefined
  ) {
    return undefined;
  }
  const payload: ZoomInternalNumberPayload = {
    labels,
    number,
    display_number: display,
    type,
    country,
    languages,
    ...flags,
  };
  if (accountId !== undefined) {
    payload.account_id = accountId;
  }
  return payload;
}
