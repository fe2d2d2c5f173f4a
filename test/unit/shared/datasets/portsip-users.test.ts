import { describe, expect, it } from 'vitest';
import type { MappedRecord } from '../../../../shared/datasets/dataset';
import { createPortsipUsersDataset } from '../../../../shared/datasets/portsip-users';
import { getDataset, listDatasets } from '../../../../shared/datasets/registry';
import { headerMatchKey } from '../../../../shared/mapping/normalise-header';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';

const dataset = createPortsipUsersDataset();
const base: MappedRecord = { name: 'alice.ng', extension_number: '1001', password: 'S3cret!' };

function payloadOf(record: MappedRecord) {
  const parsed = dataset.recordSchema.safeParse(record);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return parsed.data;
}

describe('PortSIP users dataset: shape and headers', () => {
  it('is registered as portsip/users, one user a call, name and extension required', () => {
    expect(listDatasets()).toContainEqual({
      target: 'portsip',
      kind: 'users',
      title: 'PortSIP PBX users',
    });
    expect(getDataset('portsip', 'users')).toMatchObject({ batchSize: 1 });
    expect(dataset.fields.filter((field) => field.required).map((field) => field.key)).toEqual([
      'name',
      'extension_number',
    ]);
  });

  it('has no header spelling that two fields claim', () => {
    const owner = new Map<string, string>();
    for (const field of dataset.fields) {
      for (const text of [field.key, field.label, ...field.synonyms]) {
        const key = headerMatchKey(text);
        expect(owner.get(key) ?? field.key, `"${text}"`).toBe(field.key);
        owner.set(key, field.key);
      }
    }
  });

  it('maps the headers admins and HR exports use', () => {
    const headers = [
      'User Name',
      'Ext',
      'Work Email',
      'Mobile',
      'Department',
      'Voicemail PIN',
      'Language',
      'Given Name',
      'Surname',
      'DND',
      'Role',
      'SIP Password',
    ];
    expect(suggestMapping(headers, dataset).mapping).toEqual({
      name: 'User Name',
      extension_number: 'Ext',
      email: 'Work Email',
      mobile_phone: 'Mobile',
      department: 'Department',
      voicemail_pin: 'Voicemail PIN',
      voicemail_prompt: 'Language',
      first_name: 'Given Name',
      last_name: 'Surname',
      enable_dnd: 'DND',
      role: 'Role',
      extension_password: 'SIP Password',
    });
  });

  it('documents the JSON columns in their descriptions, which become the column reference', () => {
    const describe = (key: string) => dataset.fields.find((f) => f.key === key)?.description;
    expect(describe('office_hours_json')).toContain('"mode":"CUSTOM"');
    expect(describe('forward_rules_json')).toContain('available_no_answer_forward_rule');
    expect(describe('password')).toMatch(/only when the user is created/);
  });
});

describe('PortSIP users dataset: building the POST /api/users body', () => {
  it('reads human booleans, enums in any case, a lower-case language tag and a built-in role', () => {
    expect(
      payloadOf({
        ...base,
        enabled: 'TRUE',
        enable_dnd: 'yes',
        enable_acb: 'N',
        enable_hot_desking: 'FALSE',
        anonymous_outbound_calls: '0',
        sms: 'allow with sender id',
        voicemail_play_datetime: '24_hour_clock',
        interface: 'Private_IPv4',
        preferred_transport: 'tls',
        voicemail_prompt: 'en-us',
        role: 'standarduser',
        voicemail_pin: '135792',
      }),
    ).toEqual({
      ...base,
      enabled: true,
      enable_dnd: true,
      enable_acb: false,
      enable_hot_desking: false,
      anonymous_outbound_calls: false,
      sms: 'ALLOW_WITH_SENDER_ID',
      voicemail_play_datetime: '24_HOUR_CLOCK',
      interface: 'PRIVATE_IPV4',
      preferred_transport: 'TLS',
      voicemail_prompt: 'en-US',
      role: 'StandardUser',
      voicemail_pin: '135792',
    });
  });

  it('joins first and last name into display_name, and warns when display_name overrides them', () => {
    expect(payloadOf({ ...base, first_name: 'Alice', last_name: 'Ng' }).display_name).toBe(
      'Alice Ng',
    );
    const record = { ...base, display_name: 'Ali', first_name: 'Alice' };
    expect(payloadOf(record).display_name).toBe('Ali');
    expect(dataset.warningsOf?.(record, payloadOf(record))).toEqual([
      expect.objectContaining({ field: 'first_name', code: 'NAME_PARTS_IGNORED' }),
    ]);
  });

  it('puts office hours and forward rules from the JSON columns where the API takes them', () => {
    const payload = payloadOf({
      ...base,
      office_hours_json:
        '{"mode":"CUSTOM","monday":{"enabled":true,"ranges":[{"from":"09:00","to":"17:00"}]}}',
      forward_rules_json:
        '{"busy_office_hours_forward_rule":{"action":"FORWARD_TO_NUMBER","number":"1002"},"available_no_answer_forward_rule":{"action":"FORWARD_TO_VOICEMAIL","timeout":20},"custom_forward_rules":[{"action":"FORWARD_TO_NUMBER","number":"5550100","type":"ALL_HOURS"}]}',
    });
    expect(payload).toMatchObject({
      office_hours: {
        mode: 'CUSTOM',
        monday: { enabled: true, ranges: [{ from: '09:00', to: '17:00' }] },
      },
      busy_office_hours_forward_rule: { action: 'FORWARD_TO_NUMBER', number: '1002' },
      available_no_answer_forward_rule: { action: 'FORWARD_TO_VOICEMAIL', timeout: 20 },
      custom_forward_rules: [{ action: 'FORWARD_TO_NUMBER', number: '5550100', type: 'ALL_HOURS' }],
    });
    expect(payload).not.toHaveProperty('office_hours_json');
    expect(payload).not.toHaveProperty('forward_rules_json');
  });

  it('leaves out everything the row does not set, so an update changes only those fields', () => {
    expect(payloadOf({ name: 'bob', extension_number: '0101' })).toEqual({
      name: 'bob',
      extension_number: '0101',
    });
  });
});
