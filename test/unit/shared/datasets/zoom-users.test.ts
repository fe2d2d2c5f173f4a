import { describe, expect, it } from 'vitest';
import type { MappedRecord } from '../../../../shared/datasets/dataset';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { headerMatchKey } from '../../../../shared/mapping/normalise-header';

const us = createZoomUsersDataset({ defaultCountry: 'US' });
const base: MappedRecord = {
  email: 'alice@example.com',
  extension_number: '1001',
  calling_plans: 'US/CA Unlimited Calling Plan',
};

/** The field → message list of a record that must fail. */
function problemsOf(
  record: MappedRecord,
  dataset = us,
): { field: unknown; code: unknown; message: string }[] {
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

describe('Zoom users dataset', () => {
  it('describes POST /phone/users/batch: zoom/users, 10 a call, three required fields', () => {
    expect(us).toMatchObject({ target: 'zoom', kind: 'users', batchSize: 10 });
    expect(us.fields.filter((f) => f.required).map((f) => f.key)).toEqual([
      'email',
      'extension_number',
      'calling_plans',
    ]);
  });

  it('has no header spelling that two fields claim', () => {
    const owner = new Map<string, string>();
    for (const field of us.fields) {
      for (const text of [field.key, field.label, ...field.synonyms]) {
        const key = headerMatchKey(text);
        expect(
          owner.get(key) ?? field.key,
          `"${text}" is claimed by ${owner.get(key)} and ${field.key}`,
        ).toBe(field.key);
        owner.set(key, field.key);
      }
    }
  });

  it('builds the minimal payload from the three required fields', () => {
    expect(payloadOf(base)).toEqual({
      email: 'alice@example.com',
      extension_number: '1001',
      calling_plans: ['US/CA Unlimited Calling Plan'],
    });
  });

  it('builds every optional field, with lists split and yes/no read', () => {
    const payload = payloadOf({
      ...base,
      first_name: 'Alice',
      last_name: 'Ng',
      phone_numbers: '+14155550101; (415) 555-0102\n415.555.0103',
      calling_plans: 'Plan A;Plan B',
      site_name: 'HQ',
      template_name: 'Sales',
      outbound_caller_id: '+14155550100',
      select_outbound_caller_id: 'y',
      sms: 'FALSE',
      desk_phone_brand: 'Yealink',
      desk_phone_model: 't46s',
      desk_phone_mac: '80:5E:C0:11:22:01',
      desk_phone_provision_template: 'Default',
    });
    expect(payload).toEqual({
      email: 'alice@example.com',
      extension_number: '1001',
      calling_plans: ['Plan A', 'Plan B'],
      first_name: 'Alice',
      last_name: 'Ng',
      phone_numbers: ['+14155550101', '+14155550102', '+14155550103'],
      outbound_caller_id: '+14155550100',
      select_outbound_caller_id: true,
      sms: false,
      site_name: 'HQ',
      template_name: 'Sales',
      desk_phones: [
        { brand: 'Yealink', model: 't46s', mac: '805ec0112201', provision_template: 'Default' },
      ],
    });
  });

  it('requires email, extension_number and calling_plans, each on its own field', () => {
    expect(problemsOf({})).toEqual([
      { field: 'email', code: 'REQUIRED', message: 'email is required' },
      { field: 'extension_number', code: 'REQUIRED', message: 'extension_number is required' },
      {
        field: 'calling_plans',
        code: 'REQUIRED',
        message: expect.stringContaining('calling_plans is required') as string,
      },
    ]);
  });

  it('rejects a bad email and one over 128 characters', () => {
    expect(problemsOf({ ...base, email: 'dana.example.com' })).toEqual([
      {
        field: 'email',
        code: 'INVALID_EMAIL',
        message: "email must be a valid email address, got 'dana.example.com'",
      },
    ]);
    expect(problemsOf({ ...base, email: `${'a'.repeat(120)}@example.com` })[0]?.message).toBe(
      'email must be at most 128 characters, got 132',
    );
  });

  it('rejects extensions that are not 2-15 digits', () => {
    expect(problemsOf({ ...base, extension_number: '12a' })[0]?.message).toBe(
      "extension_number must be 2-15 digits, got '12a'",
    );
    expect(problemsOf({ ...base, extension_number: '7' })[0]?.code).toBe('INVALID_EXTENSION');
    expect(problemsOf({ ...base, extension_number: '1234567890123456' })[0]?.code).toBe(
      'INVALID_EXTENSION',
    );
  });

  it('rejects names over 64 characters', () => {
    expect(problemsOf({ ...base, first_name: 'x'.repeat(65) })).toEqual([
      {
        field: 'first_name',
        code: 'TOO_LONG',
        message: 'first_name must be at most 64 characters, got 65',
      },
    ]);
  });

  it('rejects Excel-damaged and invalid phone numbers, one issue each', () => {
    const problems = problemsOf({ ...base, phone_numbers: '1.4155E+10; 0012; +14155550100' });
    expect(problems.map((p) => p.code)).toEqual(['PHONE_EXCEL_DAMAGED', 'PHONE_INVALID']);
    expect(problems[0]?.message).toContain(
      "phone_numbers: '1.4155E+10' was corrupted by Excel (scientific notation lost digits)",
    );
  });

  it('rejects a number listed twice in one cell', () => {
    expect(problemsOf({ ...base, phone_numbers: '+14155550100, (415) 555-0100' })[0]?.code).toBe(
      'PHONE_REPEATED',
    );
  });

  it('needs a country for national numbers when none was chosen', () => {
    const noCountry = createZoomUsersDataset();
    expect(problemsOf({ ...base, phone_numbers: '(415) 555-0100' }, noCountry)[0]?.code).toBe(
      'PHONE_NO_COUNTRY',
    );
    expect(
      payloadOf({ ...base, phone_numbers: '+1 415 555 0100' }, noCountry).phone_numbers,
    ).toEqual(['+14155550100']);
  });

  it('rejects yes/no cells it cannot read', () => {
    expect(problemsOf({ ...base, sms: 'maybe' })[0]?.message).toBe(
      "sms must be Yes or No (or Y/N, true/false, 1/0), got 'maybe'",
    );
  });

  it('needs a valid MAC whenever a desk phone column is filled', () => {
    expect(problemsOf({ ...base, desk_phone_brand: 'Yealink' })[0]).toMatchObject({
      field: 'desk_phone_mac',
      code: 'REQUIRED',
    });
    expect(problemsOf({ ...base, desk_phone_mac: '80:5E:C0:11:22' })[0]).toMatchObject({
      field: 'desk_phone_mac',
      code: 'INVALID_MAC',
    });
    expect(payloadOf({ ...base, desk_phone_mac: '805e.c011.2201' }).desk_phones).toEqual([
      { mac: '805ec0112201' },
    ]);
  });

  it('sends site_code and drops site_name when both are given, with a warning', () => {
    const record = { ...base, site_code: '101', site_name: 'HQ' };
    const payload = payloadOf(record);
    expect(payload).toMatchObject({ site_code: '101' });
    expect(payload).not.toHaveProperty('site_name');
    expect(us.warningsOf?.(record, payload)).toEqual([
      {
        field: 'site_name',
        code: 'SITE_NAME_IGNORED',
        message:
          "site_name 'HQ' is ignored because site_code '101' is given; Zoom takes one of the two",
      },
    ]);
  });

  it('warns with the original and the new value when a phone number was rewritten', () => {
    const record = {
      ...base,
      phone_numbers: '+14155550101;(415) 555-0102;1.4155550103E+10',
      outbound_caller_id: '415 555 0100',
    };
    const warnings = us.warningsOf?.(record, payloadOf(record));
    expect(warnings).toEqual([
      {
        field: 'phone_numbers',
        code: 'PHONE_NORMALISED',
        message: "phone_numbers '(415) 555-0102' was written as +14155550102",
      },
      {
        field: 'phone_numbers',
        code: 'PHONE_EXCEL_RESTORED',
        message: expect.stringContaining('restored as +14155550103') as string,
      },
      {
        field: 'outbound_caller_id',
        code: 'PHONE_NORMALISED',
        message: "outbound_caller_id '415 555 0100' was written as +14155550100",
      },
    ]);
  });

  it('sends a repeated calling plan once and warns; warns about a leading-zero extension', () => {
    const record = { ...base, extension_number: '0101', calling_plans: 'Plan A;Plan A' };
    const payload = payloadOf(record);
    expect(payload.calling_plans).toEqual(['Plan A']);
    expect(us.warningsOf?.(record, payload).map((w) => w.code)).toEqual([
      'CALLING_PLAN_REPEATED',
      'EXTENSION_LEADING_ZERO',
    ]);
  });

  it('has no warnings for a clean row', () => {
    expect(us.warningsOf?.(base, payloadOf(base))).toEqual([]);
  });

  it('identifies a user by lowercased email', () => {
    expect(us.identityOf(payloadOf({ ...base, email: 'Alice@Example.com' }))).toBe(
      'alice@example.com',
    );
  });

  it('refuses an unknown default country', () => {
    expect(() => createZoomUsersDataset({ defaultCountry: 'ZZ' })).toThrow(
      'Unknown country code "ZZ"',
    );
  });
});
