import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import {
  normalisePhone,
  phoneIdentity,
  toCountryCode,
} from '../../../../shared/phone/normalise-phone';

describe('normalisePhone', () => {
  it('keeps clean E.164 as is', () => {
    expect(normalisePhone('+14155550100')).toEqual({
      ok: true,
      e164: '+14155550100',
      restoredFromExcel: false,
    });
  });

  it('normalises national formats in the default country', () => {
    expect(normalisePhone('(415) 555-0100', 'US')).toMatchObject({
      ok: true,
      e164: '+14155550100',
    });
    expect(normalisePhone('020 7946 0000', 'GB')).toMatchObject({
      ok: true,
      e164: '+442079460000',
    });
    expect(normalisePhone('14155550100', 'US')).toMatchObject({ ok: true, e164: '+14155550100' });
  });

  it('understands a 00 international prefix whatever the default country', () => {
    expect(normalisePhone('0044 20 7946 0000', 'US')).toMatchObject({
      ok: true,
      e164: '+442079460000',
    });
    expect(normalisePhone('0044 20 7946 0000')).toMatchObject({ ok: true, e164: '+442079460000' });
  });

  it('asks for a country code when there is none and no default country', () => {
    const parsed = normalisePhone('(415) 555-0100');
    expect(parsed).toMatchObject({ ok: false, code: 'PHONE_NO_COUNTRY' });
    expect(parsed.ok || parsed.reason).toContain("'(415) 555-0100' has no country code");
  });

  it('rejects "0012" as not a phone number, keeping the text in the reason', () => {
    const parsed = normalisePhone('0012', 'US');
    expect(parsed).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
    expect(parsed.ok || parsed.reason).toBe(
      "'0012' is not a valid phone number (read as a US number)",
    );
  });

  it('rejects numbers Excel turned into scientific notation with lost digits', () => {
    for (const damaged of ['1.4155E+10', '1,4155E+10', '4.42079E+11']) {
      const parsed = normalisePhone(damaged, 'US');
      expect(parsed).toMatchObject({ ok: false, code: 'PHONE_EXCEL_DAMAGED' });
      expect(parsed.ok || parsed.reason).toContain(
        'corrupted by Excel (scientific notation lost digits)',
      );
    }
  });

  it('rejects bare numbers whose tail Excel replaced by zeros, and numbers over 15 digits', () => {
    expect(normalisePhone('14155000000', 'US')).toMatchObject({
      ok: false,
      code: 'PHONE_EXCEL_DAMAGED',
    });
    const long = normalisePhone('14155550102000000', 'US');
    expect(long.ok || long.reason).toContain('it has 17 digits');
  });

  it('restores scientific notation that kept every digit, and says so', () => {
    expect(normalisePhone('1.4155550103E+10', 'US')).toEqual({
      ok: true,
      e164: '+14155550103',
      restoredFromExcel: true,
    });
  });

  it('refuses numbers with an extension', () => {
    expect(normalisePhone('+1 415 555 0100 x12')).toMatchObject({
      ok: false,
      code: 'PHONE_HAS_EXTENSION',
    });
  });

  it('refuses numbers that are possible but not valid in full metadata', () => {
    expect(normalisePhone('+1 415 055 0100')).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
  });
});

describe('phoneIdentity', () => {
  it('gives the same key for the same number written two ways', () => {
    expect(phoneIdentity('(415) 555-0102', 'US')).toBe(phoneIdentity('+14155550102'));
  });

  it('falls back to the digits of a number it cannot parse', () => {
    expect(phoneIdentity('555-01', 'US')).toBe('55501');
  });
});

describe('toCountryCode', () => {
  it('upper-cases known codes and passes empty values through', () => {
    expect(toCountryCode('gb')).toBe('GB');
    expect(toCountryCode(undefined)).toBeUndefined();
    expect(toCountryCode(' ')).toBeUndefined();
  });

  it('throws a USAGE AppError for an unknown code', () => {
    expect(() => toCountryCode('XX')).toThrow(AppError);
    expect(() => toCountryCode('XX')).toThrow('Unknown country code "XX"');
  });
});
