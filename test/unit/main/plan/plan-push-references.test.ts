import { describe, expect, it } from 'vitest';
import { createPortsipGroupMembersDataset } from '../../../../shared/datasets/portsip-group-members';
import type { PortsipMemberPayload } from '../../../../shared/datasets/portsip/build-member';
import { createPortsipRolesDataset } from '../../../../shared/datasets/portsip-roles';
import type { PortsipRolePayload } from '../../../../shared/datasets/portsip/build-role';
import type { ValidatedRow } from '../../../../shared/validation/validate-table';
import { planPush } from '../../../../main/services/plan/plan-push';
import type { PushAdapter } from '../../../../main/services/push/push-adapter';

const row = <P>(n: number, payload?: P): ValidatedRow<P> => ({
  row: n,
  cells: [],
  issues: [],
  ...(payload === undefined ? {} : { payload }),
});

describe('planPush reads references for comparators that declare mustExist', () => {
  it('asks the adapter for references with the valid payloads and the pace, and plans missing ones as conflicts', async () => {
    const seen: { payloads: readonly PortsipMemberPayload[]; paced: number }[] = [];
    let paced = 0;
    const adapter: PushAdapter<PortsipMemberPayload> = {
      send: () => Promise.resolve({ kind: 'accepted', created: new Map() }),
      lookup: () => Promise.resolve(new Map()),
      snapshot: () => Promise.resolve([]),
      async references(pace, payloads) {
        await pace();
        seen.push({ payloads, paced });
        return new Map([
          ['group', new Set(['sales'])],
          ['extension_number', new Set(['1001'])],
        ]);
      },
    };
    const plan = await planPush(
      createPortsipGroupMembersDataset(),
      [
        row(2, { group: 'Sales', extension_number: '1001' }),
        row(3, { group: 'Sales', extension_number: '4040' }),
        row(4),
      ],
      adapter,
      { allowUpdates: true, pace: () => Promise.resolve(void (paced += 1)) },
    );
    expect(seen).toEqual([
      {
        payloads: [
          { group: 'Sales', extension_number: '1001' },
          { group: 'Sales', extension_number: '4040' },
        ],
        paced: 1,
      },
    ]);
    expect(plan?.rows.map((planned) => planned.action)).toEqual(['create', 'conflict', 'invalid']);
    expect(plan?.rows[1]?.message).toContain("extension_number '4040'");
  });

  it('does not read references for a dataset whose comparator needs none (roles)', async () => {
    let asked = false;
    const adapter: PushAdapter<PortsipRolePayload> = {
      send: () => Promise.resolve({ kind: 'accepted', created: new Map() }),
      lookup: () => Promise.resolve(new Map()),
      snapshot: () => Promise.resolve([]),
      references: () => {
        asked = true;
        return Promise.resolve(new Map());
      },
    };
    const plan = await planPush(
      createPortsipRolesDataset(),
      [row(2, { name: 'Front Desk' })],
      adapter,
      {
        allowUpdates: true,
      },
    );
    expect(asked).toBe(false);
    expect(plan?.summary.create).toBe(1);
  });
});
