import { describe, expect, it } from 'vitest';
import {
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { isProvenValidE164, provenE164OfFormatted } from '../../../../shared/phone/e164-fast-check';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** What libphonenumber says: the E.164 form when the text is a valid number, else undefined. */
function reference(text: string, country?: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed?.isValid() && !parsed.ext ? parsed.number : undefined;
}

const countries = getCountries();
const digits = (rnd: () => number, n: number) =>
  Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');

describe('isProvenValidE164 against libphonenumber (max metadata)', () => {
  it('never proves a number libphonenumber rejects or writes differently (random numbers)', () => {
    const rnd = random(42);
    let proven = 0;
    for (let k = 0; k < 60_000; k++) {
      const country = countries[Math.floor(rnd() * countries.length)]!;
      const code = rnd() < 0.5 ? (rnd() < 0.6 ? '1' : '44') : getCountryCallingCode(country);
      const text = `+${code}${digits(rnd, 4 + Math.floor(rnd() * 11))}`;
      if (!/^\+[1-9]\d{6,14}$/.test(text) || !isProvenValidE164(text)) {
        continue;
      }
      proven++;
      expect(reference(text), text).toBe(text);
    }
    expect(proven).toBeGreaterThan(1000);
  });

  it('agrees on the example number of every country and its near neighbours', () => {
    const rnd = random(7);
    let proven = 0;
    let valid = 0;
    for (const country of countries) {
      const example = getExampleNumber(country, examples)?.number;
      if (!example) {
        continue;
      }
      for (let k = 0; k < 20; k++) {
        // Change one or two digits after the calling code: valid and invalid neighbours.
        const chars = example.split('');
        for (let n = 0; n < 1 + (k % 2); n++) {
          const at = 2 + Math.floor(rnd() * (chars.length - 2));
          chars[at] = String(Math.floor(rnd() * 10));
        }
        const text = k === 0 ? example : chars.join('');
        const expected = reference(text);
        if (expected === text) {
          valid++;
        }
        if (isProvenValidE164(text)) {
          proven++;
          expect(expected, text).toBe(text);
        }
      }
    }
    // The fast path must cover most valid numbers, or it is not a fast path.
    expect(proven / valid).toBeGreaterThan(0.8);
  });

  it('proves clean North American and UK numbers, and leaves invalid ones to libphonenumber', () => {
    expect(isProvenValidE164('+14155550100')).toBe(true);
    expect(isProvenValidE164('+447400123456')).toBe(true);
    expect(isProvenValidE164('+14150550100')).toBe(false);
    expect(isProvenValidE164('+447911300188')).toBe(false);
    expect(isProvenValidE164('+80012345678')).toBe(false);
  });
});

describe('provenE164OfFormatted against libphonenumber', () => {
  it('never proves a reading libphonenumber would not give (random formatted numbers)', () => {
    const rnd = random(11);
    const punctuation = [' ', '-', '.', '(', ')', ''];
    let proven = 0;
    for (let k = 0; k < 60_000; k++) {
      const country = (
        rnd() < 0.5
          ? ['US', 'GB', 'CA', 'DE', 'FR', 'AU', 'IN', 'RU', 'KZ'][Math.floor(rnd() * 9)]
          : countries[Math.floor(rnd() * countries.length)]
      ) as CountryCode;
      let raw = digits(rnd, 5 + Math.floor(rnd() * 11));
      if (rnd() < 0.3) {
        raw = getCountryCallingCode(country) + raw;
      }
      let text = '';
      for (const ch of raw) {
        text += ch + (rnd() < 0.25 ? punctuation[Math.floor(rnd() * punctuation.length)]! : '');
      }
      if (rnd() < 0.3) {
        text = `+${text}`;
      }
      const defaultCountry = rnd() < 0.1 ? undefined : country;
      const fast = provenE164OfFormatted(text, defaultCountry);
      if (fast) {
        proven++;
        expect(reference(text, defaultCountry), `${text} in ${defaultCountry}`).toBe(fast);
      }
    }
    expect(proven).toBeGreaterThan(1000);
  });

  it('reads US national formats in the US, and refuses to guess elsewhere', () => {
    expect(provenE164OfFormatted('(415) 555-0101', 'US')).toBe('+14155550101');
    expect(provenE164OfFormatted('+1 415 555 0101')).toBe('+14155550101');
    expect(provenE164OfFormatted('(415) 555-0101')).toBeUndefined();
    // CA shares +1 but is not its main country: left to libphonenumber.
    expect(provenE164OfFormatted('(415) 555-0101', 'CA')).toBeUndefined();
    // Could be an international number without its +: left to libphonenumber.
    expect(provenE164OfFormatted('14155550101', 'US')).toBeUndefined();
  });
});
