import type { CountryCode } from 'libphonenumber-js/max';
import type { FieldWarning, MappedRecord } from '../dataset';
import { normalisePhone } from '../../phone/normalise-phone';
import type { ZoomUserPayload } from './build-zoom-user';
import { listOf } from './list-cells';
import { PHONE_LIST_SEPARATORS, PLAN_LIST_SEPARATORS } from './zoom-user-fields';

const SCIENTIFIC_HINT = /[eE]\+?\d/;
const BARE_DIGITS = /^\d+$/;

/**
 * The warnings of a Zoom user row that parsed: what batchline changed or chose.
 *
 * Recomputed from the record and its payload instead of remembered during parsing, so the
 * schema stays a pure function. Phone lists line up one to one because a repeated number is
 * an error, never silently dropped. Every rewritten number's warning quotes the original and
 * the new value. `country` is the dataset's default country, needed to tell a number that
 * lost its "+" in Excel from a national number that only gained its country code.
 */
export function zoomUserWarnings(
  record: MappedRecord,
  payload: ZoomUserPayload,
  country?: CountryCode,
): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const phones = payload.phone_numbers;
  // The common case, one clean number kept as written, needs no splitting.
  if (record.phone_numbers !== undefined && phones && record.phone_numbers !== phones[0]) {
    const originals = listOf(record.phone_numbers, PHONE_LIST_SEPARATORS);
    originals.forEach((original, i) => {
      phoneWarning('phone_numbers', original, phones[i], country, warnings);
    });
  }
  if (record.outbound_caller_id !== undefined) {
    phoneWarning(
      'outbound_caller_id',
      record.outbound_caller_id,
      payload.outbound_caller_id,
      country,
      warnings,
    );
  }
  if (record.site_code !== undefined && record.site_name !== undefined) {
    warnings.push({
      field: 'site_name',
      code: 'SITE_NAME_IGNORED',
      message: `site_name '${record.site_name}' is ignored because site_code '${record.site_code}' is given; Zoom takes one of the two`,
    });
  }
  // A repeat needs a separator: skip the split for the one-plan cells most rows have.
  if (record.calling_plans !== undefined && PLAN_LIST_SEPARATORS.test(record.calling_plans)) {
    const plans = listOf(record.calling_plans, PLAN_LIST_SEPARATORS);
    const repeated = [...new Set(plans.filter((plan, i) => plans.indexOf(plan) !== i))];
    for (const plan of repeated) {
      warnings.push({
        field: 'calling_plans',
        code: 'CALLING_PLAN_REPEATED',
        message: `calling_plans lists '${plan}' more than once; it is sent once`,
      });
    }
  }
  if (payload.extension_number.startsWith('0')) {
    warnings.push({
      field: 'extension_number',
      code: 'EXTENSION_LEADING_ZERO',
      message: `extension_number '${payload.extension_number}' starts with 0; Zoom stores extensions as numbers and may drop it`,
    });
  }
  return warnings;
}

function phoneWarning(
  field: string,
  original: string,
  e164: string | undefined,
  country: CountryCode | undefined,
  out: FieldWarning[],
): void {
  if (e164 === undefined || original === e164) {
    return;
  }
  const scientific = SCIENTIFIC_HINT.test(original);
  // Only digits that became "+" and the same digits can have lost a "+"; asking again is
  // cheap because those cells are rare, and it keeps one source of truth for the rule.
  const lostPlus =
    (scientific || (BARE_DIGITS.test(original) && e164 === `+${original}`)) &&
    readAsLostPlus(original, country);
  if (scientific) {
    out.push({
      field,
      code: 'PHONE_EXCEL_RESTORED',
      message: lostPlus
        ? `${field} '${original}' was in Excel's scientific notation and lost its '+'; all digits were there, so it was restored as ${e164}: check it`
        : `${field} '${original}' was in Excel's scientific notation; all digits were there, so it was restored as ${e164}: check it`,
    });
    return;
  }
  if (lostPlus) {
    out.push({
      field,
      code: 'PHONE_PLUS_RESTORED',
      message: `${field} '${original}' lost its '+'; read as ${e164}`,
    });
    return;
  }
  out.push({
    field,
    code: 'PHONE_NORMALISED',
    message: `${field} '${original}' was written as ${e164}`,
  });
}

function readAsLostPlus(original: string, country: CountryCode | undefined): boolean {
  const parsed = normalisePhone(original, country);
  return parsed.ok && parsed.lostPlus === true;
}
