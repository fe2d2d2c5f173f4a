import { describe, expect, it } from 'vitest';
import type { PortsipUserPayload } from '../../../../shared/datasets/portsip-users';
import { portsipUserComparable } from '../../../../shared/datasets/portsip/portsip-user-values';
import { portsipUsersComparator } from '../../../../shared/plan/portsip-users-compare';
import { planAgainstTarget, type ExistingRecord } from '../../../../shared/plan/target-plan';

/** A user as the PBX holds it (list fields plus full settings). */
const onPbx = (id: string, user: Record<string, unknown>): ExistingRecord => ({
  id,
  identity: String(user.extension_number),
  values: portsipUserComparable(user),
});

const alice = onPbx('ID-A', {
  id: 'ID-A',
  name: 'alice',
  extension_number: '1001',
  role: 'StandardUser',
  enabled: true,
  email: 'alice@example.com',
  enable_dnd: false,
  voicemail_prompt: 'en-US',
  busy_office_hours_forward_rule: { number: '1002', action: 'FORWARD_TO_NUMBER' },
});
const bob = onPbx('ID-B', { id: 'ID-B', name: 'Bob', extension_number: '1002', role: 'Admin' });

function plan(payloads: PortsipUserPayload[], allowUpdates = true) {
  return planAgainstTarget(
    payloads.map((payload, i) => ({ row: i + 2, cells: [], payload, issues: [] })),
    portsipUsersComparator,
    [alice, bob],
    { allowUpdates },
  );
}

describe('PortSIP users plan', () => {
  it('finds a row unchanged when every field it sets matches, whatever the case of name and role, with no password', () => {
    const result = plan([
      {
        name: 'ALICE',
        extension_number: '1001',
        role: 'standarduser',
        enable_dnd: false,
        voicemail_prompt: 'en-us',
        busy_office_hours_forward_rule: { action: 'FORWARD_TO_NUMBER', number: '1002' },
      },
    ]);
    expect(result.rows[0]).toMatchObject({ action: 'unchanged', id: 'ID-A' });
  });

  it('never compares passwords or the voicemail PIN, which the PBX cannot return', () => {
    const result = plan([
      {
        name: 'alice',
        extension_number: '1001',
        password: 'new',
        extension_password: 'new',
        voicemail_pin: '135792',
      },
    ]);
    expect(result.rows[0]).toMatchObject({ action: 'unchanged' });
    expect(
      portsipUsersComparator.comparable({
        name: 'a',
        extension_number: '101',
        password: 'p',
        extension_password: 'e',
        voicemail_pin: '135792',
      }),
    ).toEqual({ name: 'a', extension_number: '101' });
  });

  it('plans an update matched by extension, with a diff naming the role and DND', () => {
    const result = plan([
      { name: 'alice', extension_number: '1001', role: 'Admin', enable_dnd: true },
    ]);
    expect(result.rows[0]).toMatchObject({
      action: 'update',
      id: 'ID-A',
      diff: [
        { field: 'role', sheet: 'admin', target: 'standarduser' },
        { field: 'enable_dnd', sheet: 'true', target: 'false' },
      ],
    });
  });

  it('makes the same row a conflict when updates are turned off (--create-only)', () => {
    const result = plan([{ name: 'alice', extension_number: '1001', role: 'Admin' }], false);
    expect(result.rows[0]?.action).toBe('conflict');
    expect(result.rows[0]?.message).toMatch(/not updated without "update existing"/);
  });

  it('refuses to "update" a user name, which POST /api/users/{id} cannot change', () => {
    const result = plan([{ name: 'alicia', extension_number: '1001' }]);
    expect(result.rows[0]).toMatchObject({ action: 'conflict' });
    expect(result.rows[0]?.message).toMatch(
      /name: sheet 'alicia', target 'alice'.*cannot be changed/,
    );
  });

  it('refuses a user name that another extension owns, case ignored', () => {
    const result = plan([{ name: 'BOB', extension_number: '1003', password: 'x' }]);
    expect(result.rows[0]).toMatchObject({ action: 'conflict' });
    expect(result.rows[0]?.message).toContain('name bob already belongs to 1002');
  });

  it('creates a new extension with a password, and refuses one without before sending', () => {
    const result = plan([
      { name: 'carol', extension_number: '1003', password: 'x' },
      { name: 'dave', extension_number: '1004' },
    ]);
    expect(result.rows.map((row) => row.action)).toEqual(['create', 'conflict']);
    expect(result.rows[1]?.message).toContain('a new user needs a password');
    expect(result.summary).toMatchObject({ create: 1, conflict: 1, existing: 2 });
  });
});
