import { describe, expect, it } from 'vitest';
import type { ZoomUserPayload } from '../../../../shared/datasets/zoom/build-zoom-user';
import { planAgainstTarget, type ExistingRecord } from '../../../../shared/plan/target-plan';
import {
  zoomListedComparable,
  zoomUsersComparator,
} from '../../../../shared/plan/zoom-users-compare';
import type { ValidatedRow } from '../../../../shared/validation/validate-table';

const user = (n: number, extra: Partial<ZoomUserPayload> = {}): ValidatedRow<ZoomUserPayload> => ({
  row: n + 1,
  cells: [],
  issues: [],
  payload: {
    email: `u${n}@example.com`,
    extension_number: String(1000 + n),
    calling_plans: ['US/CA Unlimited Calling'],
    first_name: 'U',
    last_name: String(n),
    ...extra,
  },
});

const listed = (
  n: number,
  extra: Partial<Parameters<typeof zoomListedComparable>[0]> = {},
): ExistingRecord => ({
  id: `id${n}`,
  identity: `u${n}@example.com`,
  values: zoomListedComparable({
    name: `U ${n}`,
    extension_number: 1000 + n,
    calling_plans: [{ name: 'US/CA Unlimited Calling' }],
    site: { name: 'Main Office' },
    ...extra,
  }),
});

describe('planAgainstTarget (Zoom users)', () => {
  it('plans rows absent from the target as creates', () => {
    const plan = planAgainstTarget([user(1), user(2)], zoomUsersComparator, [], {
      allowUpdates: false,
    });
    expect(plan.rows.map((row) => row.action)).toEqual(['create', 'create']);
    expect(plan.summary).toMatchObject({ create: 2, existing: 0, needsConfirmation: false });
  });

  it('labels a re-run of the same sheet as unchanged, with the existing id', () => {
    const plan = planAgainstTarget([user(1)], zoomUsersComparator, [listed(1)], {
      allowUpdates: false,
    });
    expect(plan.rows[0]).toMatchObject({ action: 'unchanged', id: 'id1' });
  });

  it('reports an existing user with other values as a conflict with a field diff, never an update', () => {
    const plan = planAgainstTarget(
      [user(1, { extension_number: '1999' })],
      zoomUsersComparator,
      [listed(1)],
      { allowUpdates: true },
    );
    expect(plan.rows[0]?.action).toBe('conflict');
    expect(plan.rows[0]?.diff).toEqual([
      { field: 'extension_number', sheet: '1999', target: '1001' },
    ]);
    expect(plan.rows[0]?.message).toContain("extension_number: sheet '1999', target '1001'");
  });

  it('reports an extension that belongs to someone else on the target as a conflict', () => {
    const plan = planAgainstTarget(
      [user(5, { extension_number: '1002' })],
      zoomUsersComparator,
      [listed(2)],
      { allowUpdates: false },
    );
    expect(plan.rows[0]).toMatchObject({
      action: 'conflict',
      message: expect.stringContaining('1002 already belongs to u2@example.com'),
    });
  });

  it('ignores leading zeros and the order of listed values when comparing', () => {
    const row = user(1, { extension_number: '01001', calling_plans: ['B', 'A'] });
    const existing = listed(1, { calling_plans: [{ name: 'A' }, { name: 'B' }] });
    expect(
      planAgainstTarget([row], zoomUsersComparator, [existing], { allowUpdates: false }).rows[0]
        ?.action,
    ).toBe('unchanged');
  });

  it('keeps invalid rows invalid', () => {
    const invalid: ValidatedRow<ZoomUserPayload> = { row: 9, cells: [], issues: [] };
    expect(
      planAgainstTarget([invalid], zoomUsersComparator, [], { allowUpdates: false }).rows[0]
        ?.action,
    ).toBe('invalid');
  });

  it('asks for a confirmation only when over 20% of existing records and at least 10 change', () => {
    const updatable = { ...zoomUsersComparator, canUpdate: true };
    const renamed = (n: number) => user(n, { first_name: 'Renamed' });
    const many = planAgainstTarget(
      Array.from({ length: 10 }, (_, i) => renamed(i + 1)),
      updatable,
      Array.from({ length: 40 }, (_, i) => listed(i + 1)),
      { allowUpdates: true },
    );
    expect(many.summary).toMatchObject({ update: 10, changeShare: 0.25, needsConfirmation: true });
    const few = planAgainstTarget([renamed(1), renamed(2)], updatable, [listed(1), listed(2)], {
      allowUpdates: true,
    });
    expect(few.summary).toMatchObject({ update: 2, changeShare: 1, needsConfirmation: false });
  });
});
