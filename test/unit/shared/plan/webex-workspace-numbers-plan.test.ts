import { describe, expect, it } from 'vitest';
import type { WebexWorkspaceNumberPayload } from '../../../../shared/datasets/webex-workspace-numbers';
import { planAgainstTarget, type PlanComparator } from '../../../../shared/plan/target-plan';
import {
  webexWorkspaceNumbersComparator,
  workspaceNumberRecords,
} from '../../../../shared/plan/webex-workspace-numbers-compare';
import type { ValidatedRow } from '../../../../shared/validation/validate-table';

type Payload = WebexWorkspaceNumberPayload;
const row = (n: number, payload: Payload): ValidatedRow<Payload> => ({
  row: n,
  cells: [],
  issues: [],
  payload,
});

// ws1 today: +14155550100 (primary, ext 1100) and an extension-only entry 1101.
const existing = workspaceNumberRecords('WS1', {
  distinctiveRingEnabled: false,
  phoneNumbers: [
    { phoneNumber: '+14155550100', extension: '1100', primary: true, ringPattern: 'NORMAL' },
    { extension: '1101', primary: false, ringPattern: 'NORMAL' },
  ],
});

const plan = (rows: ValidatedRow<Payload>[], allowUpdates = true) =>
  planAgainstTarget(rows, webexWorkspaceNumbersComparator, existing, { allowUpdates }).rows;

describe('PlanComparator.doneWhenAbsent', () => {
  const comparator: PlanComparator<{ key: string; remove: boolean }> = {
    identityOf: (p) => p.key,
    comparable: () => ({}),
    uniqueAcrossTarget: [],
    canUpdate: true,
    doneWhenAbsent: (p) => (p.remove ? `${p.key} is already gone` : undefined),
  };

  it('plans a row the hook calls done as unchanged and the others as creates', () => {
    const rows = [
      { row: 2, cells: [], issues: [], payload: { key: 'a', remove: true } },
      { row: 3, cells: [], issues: [], payload: { key: 'b', remove: false } },
    ];
    const result = planAgainstTarget(rows, comparator, [], { allowUpdates: true });
    expect(result.rows).toEqual([
      { row: 2, action: 'unchanged', diff: [], message: 'unchanged: a is already gone' },
      { row: 3, action: 'create', diff: [], message: 'will be created' },
    ]);
    expect(result.summary).toMatchObject({ create: 1, unchanged: 1 });
  });
});

describe('planAgainstTarget (Webex workspace numbers)', () => {
  it('labels a number the workspace has with the same values unchanged, with the number as id', () => {
    const [planned] = plan([
      row(2, {
        workspaceId: 'WS1',
        action: 'ADD',
        phoneNumber: '+14155550100',
        extension: '1100',
        primary: true,
        ringPattern: 'NORMAL',
        distinctiveRingEnabled: false,
      }),
    ]);
    expect(planned).toMatchObject({ action: 'unchanged', id: '+14155550100' });
  });

  it('plans an ADD of a new number as a create, and one with other values as an update', () => {
    const rows = plan([
      row(2, { workspaceId: 'WS1', action: 'ADD', phoneNumber: '+14155550109' }),
      row(3, {
        workspaceId: 'WS1',
        action: 'ADD',
        phoneNumber: '+14155550100',
        ringPattern: 'LONG_LONG',
      }),
    ]);
    expect(rows[0]?.action).toBe('create');
    expect(rows[1]).toMatchObject({
      action: 'update',
      id: '+14155550100',
      message: "will be updated (ring_pattern: sheet 'LONG_LONG', target 'NORMAL')",
    });
  });

  it('plans a DELETE of a number the workspace has as an update, and of one it lacks as unchanged', () => {
    const rows = plan([
      row(2, { workspaceId: 'WS1', action: 'DELETE', phoneNumber: '+14155550100' }),
      row(3, { workspaceId: 'WS1', action: 'DELETE', extension: '1101' }),
      row(4, { workspaceId: 'WS1', action: 'DELETE', phoneNumber: '+14155550177' }),
      row(5, { workspaceId: 'WS2', action: 'DELETE', extension: '1100' }),
    ]);
    expect(rows.map((r) => [r.action, r.id])).toEqual([
      ['update', '+14155550100'],
      ['update', '1101'],
      ['unchanged', undefined],
      ['unchanged', undefined],
    ]);
    expect(rows[2]?.message).toBe(
      'unchanged: workspace WS1 does not have +14155550177; nothing to delete',
    );
  });

  it('refuses a DELETE as a conflict when updates are not allowed (create only)', () => {
    const [planned] = plan(
      [row(2, { workspaceId: 'WS1', action: 'DELETE', phoneNumber: '+14155550100' })],
      false,
    );
    expect(planned?.action).toBe('conflict');
  });

  it('reports an ADD of a number another workspace of the sheet holds as a conflict', () => {
    const [planned] = plan([
      row(2, { workspaceId: 'WS2', action: 'ADD', phoneNumber: '+14155550100' }),
    ]);
    expect(planned).toMatchObject({ action: 'conflict' });
    expect(planned?.message).toMatch(
      /phone_number \+14155550100 already belongs to ws1\/\+14155550100/,
    );
  });
});
