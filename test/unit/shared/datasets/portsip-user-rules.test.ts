import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import type { MappedRecord } from '../../../../shared/datasets/dataset';
import { createPortsipUsersDataset } from '../../../../shared/datasets/portsip-users';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import { validateTable } from '../../../../shared/validation/validate-table';

const dataset = createPortsipUsersDataset();
const base: MappedRecord = { name: 'alice.ng', extension_number: '1001', password: 'S3cret!' };

/** The one problem a record has: [field, code, message]. */
function problemOf(overrides: MappedRecord): [unknown, unknown, string] {
  const parsed = dataset.recordSchema.safeParse({ ...base, ...overrides });
  expect(parsed.success).toBe(false);
  const issues = parsed.error?.issues ?? [];
  expect(issues).toHaveLength(1);
  const issue = issues[0];
  return [
    issue?.path[0],
    (issue as { params?: { code?: string } } | undefined)?.params?.code,
    issue?.message ?? '',
  ];
}

describe('PortSIP user rules a sheet can break, each on its own column', () => {
  it.each([
    ['admin', 'RESERVED_NAME', /reserved/],
    ['ROOT', 'RESERVED_NAME', /reserved/],
    ['Administrator', 'RESERVED_NAME', /reserved/],
    ['alice ng', 'INVALID_NAME', /only letters, digits/],
    ['alice@ng', 'INVALID_NAME', /only letters, digits/],
    ['.alice', 'INVALID_NAME', /start or end with a period/],
    ['alice.', 'INVALID_NAME', /start or end with a period/],
  ])('refuses the user name %s', (name, code, message) => {
    expect(problemOf({ name })).toEqual(['name', code, expect.stringMatching(message)]);
  });

  it("accepts user names with letters of any script, digits and _ - ' .", () => {
    expect(dataset.recordSchema.safeParse({ ...base, name: "José_o'neil-2.b" }).success).toBe(true);
  });

  it.each(['12', '12a', 'x101', '+1001', '1'.repeat(65)])('refuses the extension %s', (ext) => {
    expect(problemOf({ extension_number: ext })).toEqual([
      'extension_number',
      'INVALID_EXTENSION',
      expect.stringContaining('must be 3 to 64 digits'),
    ]);
  });

  it.each([
    ['12345', /6 to 10 digits/],
    ['12a456', /6 to 10 digits/],
    ['501119', /three times in a row/],
    ['901234', /sequential/],
    ['246789', /sequential/],
  ])('refuses the voicemail PIN %s', (pin, message) => {
    expect(problemOf({ voicemail_pin: pin })).toEqual([
      'voicemail_pin',
      'INVALID_PIN',
      expect.stringMatching(message),
    ]);
  });

  it.each([
    ['sms', 'SOMETIMES', /DISABLE, ALLOW, ALLOW_WITH_SENDER_ID/],
    ['voicemail_play_datetime', '13 hour clock', /12_HOUR_CLOCK, 24_HOUR_CLOCK/],
    ['interface', 'LAN', /WEB_DOMAIN/],
    ['preferred_transport', 'WSS', /UDP, TCP, TLS/],
  ])('refuses %s %s and lists the values', (field, value, message) => {
    expect(problemOf({ [field]: value })).toEqual([
      field,
      'INVALID_CHOICE',
      expect.stringMatching(message),
    ]);
  });

  it.each(['english', 'en_US', 'en-USA-', '12'])('refuses the language tag %s', (tag) => {
    expect(problemOf({ voicemail_prompt: tag })).toEqual([
      'voicemail_prompt',
      'INVALID_LANGUAGE',
      expect.stringContaining('BCP 47'),
    ]);
  });

  it.each(['alice', 'alice@', 'alice@example', 'a b@example.com'])('refuses the email %s', (e) => {
    expect(problemOf({ email: e })).toEqual([
      'email',
      'INVALID_EMAIL',
      expect.stringContaining('must be an email address'),
    ]);
  });

  it.each(['enabled', 'enable_dnd', 'enable_voicemail_notify'])('refuses "maybe" in %s', (key) => {
    expect(problemOf({ [key]: 'maybe' })).toEqual([
      key,
      'INVALID_YES_NO',
      `${key} must be Yes or No (or TRUE/FALSE, Y/N, 1/0), got 'maybe'`,
    ]);
  });

  it('names both required fields when they are missing', () => {
    const parsed = dataset.recordSchema.safeParse({ password: 'x' });
    expect(parsed.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['name', 'name is required'],
      ['extension_number', 'extension_number is required'],
    ]);
  });
});

describe('PortSIP user JSON columns', () => {
  it('refuses a cell that is not JSON, saying so', () => {
    expect(problemOf({ office_hours_json: '{mode: CUSTOM}' })).toEqual([
      'office_hours_json',
      'INVALID_JSON',
      expect.stringMatching(/^office_hours_json is not valid JSON: /),
    ]);
  });

  it.each([
    ['[]', /expected object/],
    ['{"monday":{"enabled":true}}', /^office_hours_json: mode /],
    ['{"mode":"custom"}', /mode must be an upper-case code such as CUSTOM/],
    ['{"mode":"CUSTOM","mondey":{"enabled":true}}', /Unrecognized key.*mondey/],
    ['{"mode":"CUSTOM","monday":{"enabled":"yes"}}', /monday\.enabled .*boolean/],
    [
      '{"mode":"CUSTOM","friday":{"enabled":true,"ranges":[{"from":"9am","to":"17:00"}]}}',
      /friday\.ranges\.0\.from must be a time of day as HH:MM/,
    ],
    [
      '{"mode":"CUSTOM","friday":{"enabled":true,"ranges":[{"from":"17:00","to":"09:00"}]}}',
      /friday\.ranges\.0\.to must be later than from/,
    ],
  ])('refuses office hours %s with the place of the mistake', (cell, message) => {
    expect(problemOf({ office_hours_json: cell })).toEqual([
      'office_hours_json',
      'INVALID_JSON_VALUE',
      expect.stringMatching(message),
    ]);
  });

  it.each([
    ['{"busy_forward_rule":{"action":"FORWARD_TO_NUMBER","number":"1"}}', /busy_forward_rule/],
    [
      '{"busy_office_hours_forward_rule":{"action":"FORWARD_TO_NUMBER"}}',
      /busy_office_hours_forward_rule\.number is required when action is FORWARD_TO_NUMBER/,
    ],
    [
      '{"busy_no_answer_forward_rule":{"action":"FORWARD_TO_NUMBER","number":"1","timeout":2.5}}',
      /busy_no_answer_forward_rule\.timeout must be a whole number of seconds/,
    ],
    [
      '{"busy_office_hours_forward_rule":{"action":"FORWARD_TO_NUMBER","number":"1","timeout":20}}',
      /Unrecognized key.*timeout/,
    ],
    ['{"custom_forward_rules":[{"action":"FORWARD_TO_NUMBER","number":"1"}]}', /0\.type /],
  ])('refuses forward rules %s with the place of the mistake', (cell, message) => {
    expect(problemOf({ forward_rules_json: cell })).toEqual([
      'forward_rules_json',
      'INVALID_JSON_VALUE',
      expect.stringMatching(message),
    ]);
  });
});

describe('PortSIP users sheet validation', () => {
  it('reports every bad cell with its row and the sheet’s own column header', () => {
    const csv = [
      'User Name,Ext,Password,Email,SMS,Voicemail PIN,Language,DND,Office Hours',
      'alice,1001,pw,alice@example.com,allow,135792,en-US,Yes,',
      'admin,1002,pw,,,,,,',
      'bob,12,pw,bob@,sometimes,111222,english,maybe,{nope}',
      'ALICE,1001,pw,,,,,,',
    ].join('\r\n');
    const table = parseCsv(csv, 'users.csv');
    const result = validateTable(table, dataset, suggestMapping(table.headers, dataset).mapping);
    expect(result.counts).toMatchObject({ total: 4, valid: 1, invalid: 3 });
    expect(
      result.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column, i.code]),
    ).toEqual([
      [3, 'User Name', 'RESERVED_NAME'],
      [4, 'Ext', 'INVALID_EXTENSION'],
      [4, 'Email', 'INVALID_EMAIL'],
      [4, 'Voicemail PIN', 'INVALID_PIN'],
      [4, 'Language', 'INVALID_LANGUAGE'],
      [4, 'DND', 'INVALID_YES_NO'],
      [4, 'SMS', 'INVALID_CHOICE'],
      [4, 'Office Hours', 'INVALID_JSON'],
      [5, 'Ext', 'DUPLICATE_VALUE'],
      [5, 'User Name', 'DUPLICATE_VALUE'],
    ]);
  });
});
