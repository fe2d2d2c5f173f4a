import { AppError } from '../errors';
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { isProvenValidE164, provenE164OfFormatted } from './e164-fast-check';

/**
 * A phone cell turned into E.164, or why it could not be.
 *
 * `lostPlus` is there (true) only when the digits were read as an international number
 * because Excel dropped its "+": see {@link normalisePhone}.
 */
export type PhoneParse =
  | { ok: true; e164: string; restoredFromExcel: boolean; lostPlus?: true }
  | {
      ok: false;
      code: 'PHONE_EXCEL_DAMAGED' | 'PHONE_NO_COUNTRY' | 'PHONE_INVALID' | 'PHONE_HAS_EXTENSION';
      reason: string;
    };

// Excel shows long numbers as 1.4155E+10 (decimal comma in some locales) and saves that text.
const SCIENTIFIC = /^\+?(\d)(?:[.,](\d+))?[eE]\+?(\d{1,2})$/;
const BARE_DIGITS = /^\d+$/;
const CLEAN_E164 = /^\+[1-9]\d{6,14}$/;
const TRAILING_ZEROS = /0+$/;
// Excel keeps 15 significant digits; a longer bare number had its tail replaced by zeros.
const MAX_DIGITS = 15;
// 1.41556E+10 → 14155600000: Excel's general format keeps about six digits, the rest are zeros.
const SUSPICIOUS_ZEROS = 5;

/**
 * Normalises one phone number cell to E.164 ("+14155550100").
 *
 * Numbers without a + are read in `defaultCountry`; "00" international prefixes are
 * understood. Excel damage is undone only when it is certain (1.4155552671E+10 still has all
 * its digits: `restoredFromExcel`), and rejected where digits were lost (1.4155E+10, numbers
 * over 15 digits, bare numbers ending in five or more zeros). Bare digits that are not a
 * valid number of `defaultCountry` but are valid with a "+" in front (447911123456, an Excel
 * cell that ate the "+") are read that way (`lostPlus`); without a default country that
 * reading is not certain (4155550100 is also a Swiss number), so it is not made. Validity is
 * checked with libphonenumber's full ("max") metadata. `reason` starts with the quoted
 * original value.
 */
export function normalisePhone(raw: string, defaultCountry?: CountryCode): PhoneParse {
  const text = raw.trim();
  // Fast path: most cells of real sheets are clean E.164 already (PERFORMANCE.md), and
  // isProvenValidE164 answers those ~30x faster than a libphonenumber parse, with the same
  // verdict. Anything it cannot prove valid goes the slow way, which also writes the reason.
  if (CLEAN_E164.test(text) && isProvenValidE164(text)) {
    return { ok: true, e164: text, restoredFromExcel: false };
  }
  const shown = `'${text}'`;
  let candidate = text;
  let restoredFromExcel = false;

  const scientific = SCIENTIFIC.exec(text);
  if (scientific) {
    const fraction = scientific[2] ?? '';
    const exponent = Number(scientific[3]);
    if (fraction.length < exponent) {
      return excelDamaged(shown, '');
    }
    if (fraction.length > exponent) {
      return {
        ok: false,
        code: 'PHONE_INVALID',
        reason: `${shown} is a decimal number, not a phone number`,
      };
    }
    candidate = `${text.startsWith('+') ? '+' : ''}${scientific[1] ?? ''}${fraction}`;
    restoredFromExcel = true;
  } else if (BARE_DIGITS.test(text)) {
    if (text.length > MAX_DIGITS) {
      return excelDamaged(shown, `: it has ${text.length} digits, more than any phone number`);
    }
    const zeros = TRAILING_ZEROS.exec(text)?.[0].length ?? 0;
    if (text.length >= 10 && zeros >= SUSPICIOUS_ZEROS) {
      return excelDamaged(shown, `: it ends in ${zeros} zeros`);
    }
  }

  // Second fast path: formatted and national numbers whose reading is certain without
  // libphonenumber's parser (see provenE164OfFormatted); the rest are parsed below.
  const formatted = provenE164OfFormatted(candidate, defaultCountry);
  if (formatted) {
    return { ok: true, e164: formatted, restoredFromExcel };
  }
  let parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  if ((!parsed || !parsed.isValid()) && defaultCountry) {
    const international = lostPlusReading(candidate);
    if (international) {
      return { ok: true, e164: international, restoredFromExcel, lostPlus: true };
    }
  }
  if ((!parsed || !parsed.isValid()) && candidate.startsWith('00')) {
    parsed = parsePhoneNumberFromString(`+${candidate.slice(2)}`);
  }
  if (!parsed || !parsed.isValid()) {
    if (!defaultCountry && !candidate.startsWith('+') && !candidate.startsWith('00')) {
      return {
        ok: false,
        code: 'PHONE_NO_COUNTRY',
        reason: `${shown} has no country code; write it as +<country code><number> or choose a default country`,
      };
    }
    const where =
      defaultCountry && !candidate.startsWith('+') ? ` (read as a ${defaultCountry} number)` : '';
    return {
      ok: false,
      code: 'PHONE_INVALID',
      reason: `${shown} is not a valid phone number${where}`,
    };
  }
  if (parsed.ext) {
    return {
      ok: false,
      code: 'PHONE_HAS_EXTENSION',
      reason: `${shown} has an extension (${parsed.ext}); give the number alone and put the extension in extension_number`,
    };
  }
  return { ok: true, e164: parsed.number, restoredFromExcel };
}

/**
 * The form phone numbers are compared in for duplicates: E.164 when the number parses.
 *
 * Clean E.164 skips libphonenumber, so only messy numbers pay for a second parse.
 */
export function phoneIdentity(raw: string, defaultCountry?: CountryCode): string {
  const text = raw.trim();
  if (/^\+\d+$/.test(text)) {
    return text;
  }
  const parsed = normalisePhone(text, defaultCountry);
  return parsed.ok ? parsed.e164 : text.replace(/[^\d+]/g, '');
}

/**
 * A two-letter country code checked against libphonenumber's list, upper-cased.
 *
 * Returns undefined for an empty value; throws AppError('USAGE') naming the value when
 * unknown, so a typo in --country is a usage error and not a file full of invalid numbers.
 */
export function toCountryCode(value: string | undefined): CountryCode | undefined {
  const code = value?.trim().toUpperCase();
  if (!code) {
    return undefined;
  }
  if (!isSupportedCountry(code)) {
    throw new AppError(
      'USAGE',
      `Unknown country code "${value}": use a two-letter ISO code such as US, GB or DE`,
    );
  }
  return code;
}

/**
 * The E.164 form of bare digits read as if they had lost a leading "+", when that is a valid
 * number; undefined otherwise. Only called once the national reading has failed.
 */
function lostPlusReading(candidate: string): string | undefined {
  const international = `+${candidate}`;
  if (!BARE_DIGITS.test(candidate) || !CLEAN_E164.test(international)) {
    return undefined;
  }
  if (isProvenValidE164(international)) {
    return international;
  }
  const parsed = parsePhoneNumberFromString(international);
  return parsed?.isValid() && !parsed.ext && parsed.number === international
    ? international
    : undefined;
}

function excelDamaged(shown: string, detail: string): PhoneParse {
  return {
    ok: false,
    code: 'PHONE_EXCEL_DAMAGED',
    reason: `${shown} was corrupted by Excel (scientific notation lost digits${detail}); retype the full number in a cell formatted as text`,
  };
}
