import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { FieldWarning, MappedRecord } from '../dataset';
import { normalisePhone } from '../../phone/normalise-phone';
import type { ZoomInternalNumberPayload } from './build-internal-number';

const SCIENTIFIC_HINT = /[eE]\+?\d/;
const NON_DIGITS = /\D/g;

/**
 * The warnings of an internal number row that parsed: the number rewritten to E.164, and
 * display_number or country that do not look like the number they describe. The last two
 * are warnings, not errors: the admin may mean it (a vanity display), and Zoom stores the
 * fields as given.
 */
export function internalNumberWarnings(
  record: MappedRecord,
  payload: ZoomInternalNumberPayload,
  defaultCountry: CountryCode | undefined,
): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const original = record.number ?? payload.number;
  if (original !== payload.number) {
    warnings.push(numberRewritten(original, payload.number, defaultCountry));
  }
  const national = payload.number.slice(1);
  // "(415) 555-0100" shows the national digits, "0207 946 0000" adds a trunk 0: both end the
  // E.164 digits once leading zeros are gone; a display showing another number does not.
  const shown = payload.display_number.replace(NON_DIGITS, '').replace(/^0+/, '');
  if (shown.length < 4 || !national.endsWith(shown)) {
    warnings.push({
      field: 'display_number',
      code: 'DISPLAY_NUMBER_MISMATCH',
      message: `display_number '${payload.display_number}' does not show the digits of ${payload.number}; check it`,
    });
  }
  const numberCountry = parsePhoneNumberFromString(payload.number)?.country;
  if (numberCountry !== undefined && numberCountry !== payload.country) {
    warnings.push({
      field: 'country',
      code: 'COUNTRY_MISMATCH',
      message: `country is ${payload.country} but ${payload.number} is a number of ${numberCountry}; check it`,
    });
  }
  return warnings;
}

function numberRewritten(
  original: string,
  e164: string,
  defaultCountry: CountryCode | undefined,
): FieldWarning {
  if (SCIENTIFIC_HINT.test(original)) {
    return {
      field: 'number',
      code: 'PHONE_EXCEL_RESTORED',
      message: `number '${original}' was in Excel's scientific notation; all digits were there, so it was restored as ${e164}: check it`,
    };
  }
  const parsed = normalisePhone(original, defaultCountry);
  if (parsed.ok && parsed.lostPlus === true) {
    return {
      field: 'number',
      code: 'PHONE_PLUS_RESTORED',
      message: `number '${original}' lost its '+'; read as ${e164}`,
    };
  }
  return {
    field: 'number',
    code: 'PHONE_NORMALISED',
    message: `number '${original}' was written as ${e164}`,
  };
}
