import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { toCsv } from '../../../../shared/csv/write-csv';
import type { MappedRecord } from '../../../../shared/datasets/dataset';
import { createZoomInternalNumbersDataset } from '../../../../shared/datasets/zoom-internal-numbers';
import { headerMatchKey } from '../../../../shared/mapping/normalise-header';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import {
  listedInternalNumberComparable,
  zoomInternalNumbersComparator,
} from '../../../../shared/plan/zoom-internal-numbers-compare';
import { templateChoices, templateTable } from '../../../../shared/templates/template';
import { validateTable } from '../../../../shared/validation/validate-table';

const us = createZoomInternalNumbersDataset({ defaultCountry: 'US' });
const base: MappedRecord = {
  number: '+14155550100',
  display_number: '+1 415-555-0100',
  labels: 'SF dial-in',
  type: '1',
  country: 'US',
  languages: 'en-US',
};

function problemsOf(record: MappedRecord, dataset = us) {
  const parsed = dataset.recordSchema.safeParse(record);
  expect(parsed.success).toBe(false);
  return (parsed.error?.issues ?? []).map((i) => ({
    field: i.path[0],
    code: (i as { params?: { code?: string } }).params?.code,
    message: i.message,
  }));
}

function payloadOf(record: MappedRecord, dataset = us) {
  const parsed = dataset.recordSchema.safeParse(record);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  }
  return parsed.data;
}

/** Validates a CSV sheet the way the CLI does: suggested mapping, then every row. */
function validateCsv(csv: string, dataset = us) {
  const table = parseCsv(csv, 'numbers.csv');
  const { mapping } = suggestMapping(table.headers, dataset);
  return validateTable(table, dataset, mapping);
}

describe('Zoom internal numbers dataset', () => {
  it('describes the POST: zoom/internal-numbers, 50 a call, the six required body fields', () => {
    expect(us).toMatchObject({ target: 'zoom', kind: 'internal-numbers', batchSize: 50 });
    expect(us.fields.filter((f) => f.required).map((f) => f.key)).toEqual([
      'number',
      'display_number',
      'labels',
      'type',
      'country',
      'languages',
    ]);
  });

  it('has no header spelling that two fields claim', () => {
    const owner = new Map<string, string>();
    for (const field of us.fields) {
      for (const text of [field.key, field.label, ...field.synonyms]) {
        const key = headerMatchKey(text);
        expect(owner.get(key) ?? field.key, `"${text}"`).toBe(field.key);
        owner.set(key, field.key);
      }
    }
  });

  it('builds the payload with the API types: integer type, upper-case country, booleans', () => {
    expect(
      payloadOf({
        ...base,
        country: 'us',
        visible: 'Y',
        allow_join: 'FALSE',
        allow_for_external_meetings: '1',
      }),
    ).toEqual({
      number: '+14155550100',
      display_number: '+1 415-555-0100',
      labels: 'SF dial-in',
      type: 1,
      country: 'US',
      languages: 'en-US',
      visible: true,
      allow_join: false,
      allow_for_external_meetings: true,
    });
  });

  it.each([
    ['Toll', 1],
    ['toll', 1],
    ['1', 1],
    ['Toll-free', 2],
    ['toll free', 2],
    ['TOLL_FREE', 2],
    ['2', 2],
  ])('reads type %s as %i', (cell, type) => {
    expect(payloadOf({ ...base, type: cell }).type).toBe(type);
  });

  it.each([
    ['en-GB', 'en-GB'],
    ['en_gb', 'en-GB'],
    ['English (UK)', 'en-GB'],
    ['EN-US', 'en-US'],
    ['American English', 'en-US'],
    ['German', 'de-DE'],
    ['de_DE', 'de-DE'],
  ])('reads languages %s as %s', (cell, language) => {
    expect(payloadOf({ ...base, languages: cell }).languages).toBe(language);
  });

  it('repairs the number like the users dataset: national numbers in the default country, Excel notation', () => {
    expect(payloadOf({ ...base, number: '(415) 555-0100' }).number).toBe('+14155550100');
    expect(payloadOf({ ...base, number: '1.4155550100E+10' }).number).toBe('+14155550100');
    const gb = createZoomInternalNumbersDataset({ defaultCountry: 'GB' });
    expect(
      payloadOf(
        { ...base, number: '020 7946 0000', display_number: '020 7946 0000', country: 'GB' },
        gb,
      ).number,
    ).toBe('+442079460000');
  });

  it('requires every required field, each on its own column with a hint', () => {
    expect(problemsOf({})).toEqual([
      {
        field: 'number',
        code: 'REQUIRED',
        message: 'number is required: the phone number, e.g. +14155550100',
      },
      {
        field: 'display_number',
        code: 'REQUIRED',
        message: expect.stringContaining('display_number is required') as string,
      },
      {
        field: 'labels',
        code: 'REQUIRED',
        message: expect.stringContaining('labels is required') as string,
      },
      { field: 'type', code: 'REQUIRED', message: 'type is required: 1 (Toll) or 2 (Toll-free)' },
      {
        field: 'country',
        code: 'REQUIRED',
        message: expect.stringContaining('country is required') as string,
      },
      {
        field: 'languages',
        code: 'REQUIRED',
        message: 'languages is required: en-GB, en-US or de-DE',
      },
    ]);
  });

  it('rejects numbers that are not E.164-able: invalid, no country, damaged by Excel', () => {
    expect(problemsOf({ ...base, number: '555-01' })[0]).toMatchObject({
      field: 'number',
      code: 'PHONE_INVALID',
    });
    expect(
      problemsOf({ ...base, number: '415 555 0100' }, createZoomInternalNumbersDataset())[0],
    ).toMatchObject({
      field: 'number',
      code: 'PHONE_NO_COUNTRY',
      message: expect.stringContaining('has no country code') as string,
    });
    expect(problemsOf({ ...base, number: '1.4155E+10' })[0]?.code).toBe('PHONE_EXCEL_DAMAGED');
  });

  it.each([
    [
      'country',
      'USA',
      'INVALID_COUNTRY',
      "country must be a two-letter ISO country code such as US or GB, got 'USA'",
    ],
    [
      'country',
      'UK',
      'INVALID_COUNTRY',
      "country must be a two-letter ISO country code such as US or GB, got 'UK'",
    ],
    ['type', '3', 'INVALID_CHOICE', "type must be 1 (Toll) or 2 (Toll-free), got '3'"],
    ['type', 'Local', 'INVALID_CHOICE', "type must be 1 (Toll) or 2 (Toll-free), got 'Local'"],
    [
      'languages',
      'English',
      'INVALID_CHOICE',
      "languages must be en-GB, en-US or de-DE, got 'English'",
    ],
    [
      'languages',
      'fr-FR',
      'INVALID_CHOICE',
      "languages must be en-GB, en-US or de-DE, got 'fr-FR'",
    ],
    [
      'visible',
      'maybe',
      'INVALID_YES_NO',
      "visible must be Yes or No (or Y/N, true/false, 1/0), got 'maybe'",
    ],
    [
      'allow_join',
      'si',
      'INVALID_YES_NO',
      "allow_join must be Yes or No (or Y/N, true/false, 1/0), got 'si'",
    ],
    ['account_id', 'sub/1', 'INVALID_ACCOUNT_ID', expect.stringContaining("got 'sub/1'") as string],
    [
      'display_number',
      'Main line',
      'INVALID_DISPLAY_NUMBER',
      expect.stringContaining("got 'Main line'") as string,
    ],
    ['labels', 'x'.repeat(256), 'TOO_LONG', 'labels must be at most 255 characters, got 256'],
  ])('rejects a bad %s cell with a coded reason (case %#)', (field, cell, code, message) => {
    expect(problemsOf({ ...base, [field]: cell })).toEqual([{ field, code, message }]);
  });

  it('shows each broken rule on its row and source column when a sheet is validated', () => {
    const csv = [
      'Phone Number,Display Number,Description,Number Type,Country Code,Language,Visible,Sub Account ID',
      '(415) 555-0100,+1 415-555-0100,SF,Toll,US,en-US,Yes,',
      '+14155550101,+1 415-555-0101,SF 2,Toll-free,USA,en-US,No,',
      '+14155550102,+1 415-555-0102,,3,US,Klingon,perhaps,',
    ].join('\r\n');
    const result = validateCsv(csv);
    expect(result.counts).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(
      result.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column, i.code]),
    ).toEqual([
      [3, 'Country Code', 'INVALID_COUNTRY'],
      [4, 'Description', 'REQUIRED'],
      [4, 'Number Type', 'INVALID_CHOICE'],
      [4, 'Language', 'INVALID_CHOICE'],
      [4, 'Visible', 'INVALID_YES_NO'],
    ]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: 'Phone Number',
        code: 'PHONE_NORMALISED',
        severity: 'warning',
      }),
    );
  });

  it('flags a number repeated within one account, not across accounts', () => {
    const csv = [
      'number,display_number,labels,type,country,languages,account_id',
      '+14155550100,+1 415-555-0100,A,1,US,en-US,SubOne',
      '(415) 555-0100,+1 415-555-0100,B,1,US,en-US,SubTwo',
      '415.555.0100,+1 415-555-0100,C,1,US,en-US,SubOne',
    ].join('\r\n');
    const result = validateCsv(csv);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'number',
        code: 'DUPLICATE_VALUE',
        message: 'Number 415.555.0100 is already in the sheet for this account: also on row 2',
      }),
    ]);
  });

  it('groups rows by account and keys them by number within their account', () => {
    const own = payloadOf(base);
    const sub = payloadOf({ ...base, account_id: 'SubOne' });
    const me = payloadOf({ ...base, account_id: 'ME' });
    expect([us.groupOf?.(own), us.groupOf?.(sub), us.groupOf?.(me)]).toEqual(['', 'SubOne', 'me']);
    expect([us.identityOf(own), us.identityOf(sub)]).toEqual([
      '+14155550100',
      '+14155550100@subone',
    ]);
  });

  it('warns when display_number or country do not match the number', () => {
    const record = { ...base, display_number: '+1 212-555-0100', country: 'CA' };
    const payload = payloadOf(record);
    expect(us.warningsOf?.(record, payload).map((w) => w.code)).toEqual([
      'DISPLAY_NUMBER_MISMATCH',
      'COUNTRY_MISMATCH',
    ]);
    expect(us.warningsOf?.(base, payloadOf(base))).toEqual([]);
  });

  it('compares a row with the same number as listed by Zoom as equal', () => {
    const payload = payloadOf({ ...base, visible: 'Yes' });
    const listed = listedInternalNumberComparable({
      id: 'abc',
      ...payload,
      allow_join: true,
      allow_for_external_meetings: false,
    });
    const mine = zoomInternalNumbersComparator.comparable(payload);
    for (const [field, value] of Object.entries(mine)) {
      expect(listed[field], field).toBe(value);
    }
    expect(zoomInternalNumbersComparator.canUpdate).toBe(false);
  });
});

describe('Zoom internal numbers template', () => {
  it('round-trips through CSV into a fully mapped, valid row with no default country', () => {
    const dataset = createZoomInternalNumbersDataset();
    const sheet = templateTable(dataset);
    const result = validateCsv(toCsv(sheet.headers, sheet.rows), dataset);
    expect(sheet.headers).toEqual(dataset.fields.map((f) => f.key));
    expect(result.counts).toEqual({ total: 1, valid: 1, invalid: 0, warnings: 0 });
  });

  it('offers dropdowns for type, languages and the yes/no columns, each choice valid', () => {
    const dataset = createZoomInternalNumbersDataset();
    const choices = templateChoices(dataset);
    expect(choices.map((c) => dataset.fields[c.column]?.key)).toEqual([
      'type',
      'languages',
      'visible',
      'allow_join',
      'allow_for_external_meetings',
    ]);
    const sheet = templateTable(dataset);
    for (const { column, choices: values } of choices) {
      for (const value of values) {
        const row = [...(sheet.rows[0] ?? [])];
        row[column] = value;
        expect(validateCsv(toCsv(sheet.headers, [row]), dataset).counts.valid, value).toBe(1);
      }
    }
  });
});
