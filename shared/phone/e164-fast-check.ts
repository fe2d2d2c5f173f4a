import maxMetadata from 'libphonenumber-js/metadata.max.json';

// libphonenumber-js metadata v4 stores a country as an array (see its es6/metadata.js,
// NumberingPlan): [0] calling code, [2] national number pattern, [3] possible lengths,
// [5] national prefix, [7] national prefix for parsing, [10] leading digits, [11] types, each
// [pattern, possible lengths?]. Read directly because the library rebuilds every RegExp on
// every call (helpers/matchesEntirely.js), which is most of its cost on clean numbers.
type CountryJson = readonly unknown[];
interface MetadataShape {
  version: number;
  country_calling_codes: Record<string, readonly string[] | undefined>;
  countries: Record<string, CountryJson | undefined>;
  nonGeographic?: Record<string, CountryJson | undefined>;
}

/** One country's rules, compiled once. */
interface CompiledCountry {
  callingCode: string;
  /** Its international call prefix (011 in the US, 00 in most of Europe). */
  idd: RegExp | undefined;
  national: RegExp;
  prefixForParsing: RegExp | undefined;
  leadingDigits: RegExp | undefined;
  /** Number types with a pattern; undefined when the metadata has no types for the country. */
  types: { pattern: RegExp; lengths: readonly number[] }[] | undefined;
}

const METADATA = maxMetadata as unknown as MetadataShape;
const compiled = new Map<string, CompiledCountry | null>();

/**
 * True when `text`, a clean E.164 string (`+` and 7-15 digits), is a valid number exactly as
 * libphonenumber-js (max metadata) would say, with `text` itself as its E.164 form.
 *
 * False means "not proven", never "invalid": the caller asks libphonenumber then. It replays
 * libphonenumber's path for an international number (calling code, national prefix, country
 * by leading digits or number type, then the type patterns) with each RegExp compiled once,
 * and gives up on the rare cases whose handling it does not replay: non-geographic calling
 * codes (+800…) and national numbers that start with something the national prefix rule
 * could strip. A property test checks it against libphonenumber on a large random corpus.
 */
export function isProvenValidE164(text: string): boolean {
  if (METADATA.version !== 4) {
    return false;
  }
  for (let end = 2; end <= 4 && end < text.length; end++) {
    const callingCode = text.slice(1, end);
    const countries = METADATA.country_calling_codes[callingCode];
    if (countries) {
      return isValidNational(text.slice(end), countries);
    }
    if (METADATA.nonGeographic?.[callingCode]) {
      return false;
    }
  }
  return false;
}

// Digits with the punctuation people type in numbers, and an optional leading +.
const FORMATTED = /^\+?[\d ().-]{7,40}$/;
const NON_DIGITS = /\D/g;
const CLEAN_E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The E.164 form of a formatted number ("+1 415 555 0100", "(415) 555-0100" in the US) when
 * it is provably what libphonenumber-js would give, valid; undefined when not proven.
 *
 * For these shapes libphonenumber only drops the punctuation, so "+…" reduces to the E.164
 * check. A national number reduces to it too when nothing else could happen to its digits:
 * `defaultCountry` is the main country of its calling code (US for +1, GB for +44), and the
 * digits start neither with the international call prefix, nor with the calling code (read
 * as a number that lost its +), nor with the national prefix (which would be stripped).
 */
export function provenE164OfFormatted(text: string, defaultCountry?: string): string | undefined {
  if (!FORMATTED.test(text)) {
    return undefined;
  }
  const digits = text.replace(NON_DIGITS, '');
  if (text.charCodeAt(0) === 43) {
    const e164 = `+${digits}`;
    return CLEAN_E164.test(e164) && isProvenValidE164(e164) ? e164 : undefined;
  }
  const plan = defaultCountry === undefined ? null : compile(defaultCountry);
  const code = plan?.callingCode;
  if (
    !plan ||
    !code ||
    METADATA.country_calling_codes[code]?.[0] !== defaultCountry ||
    digits.startsWith(code) ||
    (plan.idd && digits.search(plan.idd) === 0) ||
    plan.prefixForParsing?.test(digits)
  ) {
    return undefined;
  }
  const e164 = `+${code}${digits}`;
  return CLEAN_E164.test(e164) && isProvenValidE164(e164) ? e164 : undefined;
}

function isValidNational(national: string, countries: readonly string[]): boolean {
  const main = compile(countries[0]);
  if (!main || main.prefixForParsing?.test(national)) {
    return false;
  }
  let plan: CompiledCountry | null = main;
  if (countries.length > 1) {
    // getCountryByNationalNumber: the first country whose leading digits start the number
    // or, for countries without leading digits, whose number types match it.
    const country = countries.find((code) => {
      const candidate = compile(code);
      if (!candidate) {
        return false;
      }
      return candidate.leadingDigits
        ? national.search(candidate.leadingDigits) === 0
        : hasType(candidate, national);
    });
    plan = country === undefined ? main : compile(country);
  }
  if (!plan) {
    return false;
  }
  return plan.types ? hasType(plan, national) : plan.national.test(national);
}

/** getNumberType(...) !== undefined: the national pattern, then any type pattern of its length. */
function hasType(plan: CompiledCountry, national: string): boolean {
  if (!plan.types || !plan.national.test(national)) {
    return false;
  }
  for (const type of plan.types) {
    if (type.lengths.includes(national.length) && type.pattern.test(national)) {
      return true;
    }
  }
  return false;
}

function compile(country: string | undefined): CompiledCountry | null {
  if (country === undefined) {
    return null;
  }
  let plan = compiled.get(country);
  if (plan === undefined) {
    plan = compileCountry(METADATA.countries[country]);
    compiled.set(country, plan);
  }
  return plan;
}

function compileCountry(json: CountryJson | undefined): CompiledCountry | null {
  if (!json) {
    return null;
  }
  const national = json[2];
  const lengths = json[3];
  if (typeof national !== 'string' || !Array.isArray(lengths)) {
    return null;
  }
  const prefix = stringAt(json, 7) ?? stringAt(json, 5);
  const leading = stringAt(json, 10);
  const idd = stringAt(json, 1);
  const types = Array.isArray(json[11]) ? (json[11] as unknown[]) : undefined;
  return {
    callingCode: stringAt(json, 0) ?? '',
    idd: idd ? new RegExp(idd) : undefined,
    national: entirely(national),
    prefixForParsing: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
    leadingDigits: leading ? new RegExp(leading) : undefined,
    types: types
      ?.filter((type): type is [string, unknown] => Array.isArray(type) && Boolean(type[0]))
      .map(([pattern, own]) => ({
        pattern: entirely(pattern),
        // Type.possibleLengths(): its own lengths, else the country's (`||` in the library).
        lengths: (Array.isArray(own) ? own : lengths) as readonly number[],
      })),
  };
}

function stringAt(json: CountryJson, index: number): string | undefined {
  const value = json[index];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** matchesEntirely's RegExp, built once. */
function entirely(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}
