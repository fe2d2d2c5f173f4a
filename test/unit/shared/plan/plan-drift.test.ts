import { describe, expect, it } from 'vitest';
import { planDrift } from '../../../../shared/plan/plan-drift';

const plan = { create: 5, update: 1, unchanged: 0, conflict: 0, invalid: 2 };

describe('planDrift', () => {
  it('is undefined when the plan made at push time has the counts shown', () => {
    expect(planDrift(plan, { ...plan })).toBeUndefined();
  });

  it('names each count that moved, with what was planned', () => {
    expect(planDrift(plan, { ...plan, create: 3, unchanged: 2 })).toBe(
      '3 to create (planned 5), 2 unchanged (planned 0)',
    );
  });
});
