import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneIdentity } from '../../../../shared/phone/normalise-phone';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import type { MappedRecord } from '../../../../shared/datasets/dataset';

const base: MappedRecord = {
  email: 'alice@example.com',
  extension_number: '1001',
  calling_plans: 'Plan A',
};

/** The warnings a row gets, through the dataset's schema of record. */
function warningsOf(record: MappedRecord, country: string) {
  const dataset = createZoomUsersDataset({ defaultCountry: country });
  const parsed = dataset.recordSchema.safeParse(record);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return { payload: parsed.data, warnings: dataset.warningsOf?.(record, parsed.data) ?? [] };
}

describe('numbers Excel stripped of their "+" (BAD-INPUTS #10, issue 3 item 3)', () => {
  it('reads digits that are no national number of the default country as +<digits>', () => {
    expect(normalisePhone('447400123456', 'US')).toEqual({
      ok: true,
      e164: '+447400123456',
      restoredFromExcel: false,
      lostPlus: true,
    });
    expect(normalisePhone('14155550100', 'GB')).toMatchObject({
      ok: true,
      e164: '+14155550100',
      lostPlus: true,
    });
  });

  it('keeps the national reading when there is one: 14155550100 in the US is a US number', () => {
    expect(normalisePhone('14155550100', 'US')).toEqual({
      ok: true,
      e164: '+14155550100',
      restoredFromExcel: false,
    });
  });

  it('does not guess without a default country: 4155550100 is also a Swiss number', () => {
    expect(normalisePhone('4155550100')).toMatchObject({ ok: false, code: 'PHONE_NO_COUNTRY' });
  });

  it('still refuses what lost digits, "+" or not', () => {
    expect(normalisePhone('1.4155E+10', 'GB')).toMatchObject({
      ok: false,
      code: 'PHONE_EXCEL_DAMAGED',
    });
    expect(normalisePhone('44740000000000', 'US')).toMatchObject({
      ok: false,
      code: 'PHONE_EXCEL_DAMAGED',
    });
  });

  it('restores a scientific-notation number that also lost its "+", saying both', () => {
    expect(normalisePhone('4.47400123456E+11', 'US')).toEqual({
      ok: true,
      e164: '+447400123456',
      restoredFromExcel: true,
      lostPlus: true,
    });
  });

  it('compares the repaired number for duplicates', () => {
    expect(phoneIdentity('447400123456', 'US')).toBe('+447400123456');
  });
});

describe('the warning shows the original next to the repaired value', () => {
  it('says a "+" was lost, quoting the cell and the number read', () => {
    const { payload, warnings } = warningsOf({ ...base, phone_numbers: '447400123456' }, 'US');
    expect(payload.phone_numbers).toEqual(['+447400123456']);
    expect(warnings).toEqual([
      {
        field: 'phone_numbers',
        code: 'PHONE_PLUS_RESTORED',
        message: "phone_numbers '447400123456' lost its '+'; read as +447400123456",
      },
    ]);
  });

  it('names both repairs of a scientific-notation cell that lost its "+"', () => {
    const { warnings } = warningsOf({ ...base, outbound_caller_id: '4.47400123456E+11' }, 'US');
    expect(warnings).toEqual([
      {
        field: 'outbound_caller_id',
        code: 'PHONE_EXCEL_RESTORED',
        message:
          "outbound_caller_id '4.47400123456E+11' was in Excel's scientific notation and lost its '+'; all digits were there, so it was restored as +447400123456: check it",
      },
    ]);
  });

  it('keeps the usual wording for a national number written as E.164', () => {
    const { warnings } = warningsOf({ ...base, phone_numbers: '14155550100' }, 'US');
    expect(warnings).toEqual([
      {
        field: 'phone_numbers',
        code: 'PHONE_NORMALISED',
        message: "phone_numbers '14155550100' was written as +14155550100",
      },
    ]);
  });
});
