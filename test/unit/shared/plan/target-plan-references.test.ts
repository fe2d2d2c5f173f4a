import { describe, expect, it } from 'vitest';
import type { PortsipMemberPayload } from '../../../../shared/datasets/portsip/build-member';
import { portsipGroupMembersComparator } from '../../../../shared/plan/portsip-group-members-compare';
import {
  planAgainstTarget,
  type ExistingRecord,
  type PlanComparator,
  type TargetReferences,
} from '../../../../shared/plan/target-plan';
import type { ValidatedRow } from '../../../../shared/validation/validate-table';

const member = (
  row: number,
  group: string,
  extension: string,
): ValidatedRow<PortsipMemberPayload> => ({
  row,
  cells: [],
  issues: [],
  payload: { group, extension_number: extension },
});

const references: TargetReferences = new Map([
  ['group', new Set(['sales', 'support'])],
  ['extension_number', new Set(['1001', '1002', '1003'])],
]);

const existing: ExistingRecord[] = [
  { id: 'g1/1001', identity: 'sales:1001', values: { group: 'sales', extension_number: '1001' } },
];

describe('planAgainstTarget with references (mustExist)', () => {
  it('turns a row whose extension or group is missing on the target into a conflict naming the field', () => {
    const plan = planAgainstTarget(
      [
        member(2, 'Sales', '1002'),
        member(3, 'Sales', '9999'),
        member(4, 'No Such Team', '1003'),
        member(5, 'SALES', '1001'),
      ],
      portsipGroupMembersComparator,
      existing,
      { allowUpdates: true, references },
    );
    expect(plan.rows.map((row) => row.action)).toEqual([
      'create',
      'conflict',
      'conflict',
      'unchanged',
    ]);
    expect(plan.rows[1]?.message).toBe(
      "conflict: extension_number '9999' is not the extension of any user on the PBX; create the user first",
    );
    expect(plan.rows[2]?.message).toMatch(
      /^conflict: group 'no such team' is not a user group on the PBX/,
    );
    expect(plan.summary).toMatchObject({ create: 1, conflict: 2, unchanged: 1, invalid: 0 });
  });

  it('skips the check without references (an offline plan) and for fields the references do not cover', () => {
    const rows = [member(2, 'Sales', '9999')];
    const offline = planAgainstTarget(rows, portsipGroupMembersComparator, [], {
      allowUpdates: true,
    });
    expect(offline.rows[0]?.action).toBe('create');
    const groupsOnly = planAgainstTarget(rows, portsipGroupMembersComparator, [], {
      allowUpdates: true,
      references: new Map([['group', new Set(['sales'])]]),
    });
    expect(groupsOnly.rows[0]?.action).toBe('create');
  });

  it('ignores references for a comparator that declares no mustExist', () => {
    const plain: PlanComparator<PortsipMemberPayload> = {
      ...portsipGroupMembersComparator,
      mustExist: undefined,
    };
    const plan = planAgainstTarget([member(2, 'Nowhere', '9999')], plain, [], {
      allowUpdates: true,
      references,
    });
    expect(plan.rows[0]?.action).toBe('create');
  });
});
