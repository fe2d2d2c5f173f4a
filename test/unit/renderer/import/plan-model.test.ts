import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../../../shared/ipc/contract';
import {
  confirmationText,
  diffText,
  etaText,
  pushLabel,
  requestsLine,
} from '../../../../renderer/features/import/plan/plan-model';

function plan(
  overrides: Partial<PlanView['summary']> = {},
  rest: Partial<PlanView> = {},
): PlanView {
  return {
    summary: {
      total: 6,
      create: 2,
      update: 1,
      unchanged: 0,
      conflict: 0,
      invalid: 3,
      existing: 12,
      changeShare: 1 / 12,
      needsConfirmation: false,
      ...overrides,
    },
    batches: 3,
    batchSize: 1,
    etaSeconds: 0.5,
    maxRps: 10,
    offline: false,
    canUpdate: true,
    ...rest,
  };
}

describe('the Plan step view model', () => {
  it('says how long a push would take, roughly', () => {
    expect(etaText(0.4)).toBe('under 1 s');
    expect(etaText(1)).toBe('about 1 s');
    expect(etaText(12.2)).toBe('about 13 s');
    expect(etaText(89)).toBe('about 89 s');
    expect(etaText(600)).toBe('about 10 min');
  });

  it('describes the requests with their size and pace', () => {
    expect(requestsLine(plan())).toBe('3 requests of at most 1 row · under 1 s at 10 requests/s');
    expect(requestsLine(plan({}, { batches: 1, batchSize: 10, etaSeconds: 4 }))).toBe(
      '1 request of at most 10 rows · about 4 s at 10 requests/s',
    );
  });

  it('shows a diff from the target value to the sheet value', () => {
    expect(diffText([{ field: 'department', sheet: 'Support', target: 'Sales' }])).toBe(
      'department: Sales → Support',
    );
    expect(
      diffText([
        { field: 'email', sheet: 'a@b.c', target: '' },
        { field: 'language', sheet: 'fr-FR', target: 'en-US' },
      ]),
    ).toBe('email: (empty) → a@b.c; language: en-US → fr-FR');
  });

  it('names the changes the push button sends', () => {
    expect(pushLabel(plan(), 'Sandbox')).toBe('Push 3 changes to Sandbox');
    expect(pushLabel(plan({ create: 1, update: 0 }), null)).toBe('Push 1 change');
    expect(pushLabel(plan({ create: 0, update: 0, unchanged: 3 }), 'Sandbox')).toBe(
      'Nothing to send: record the results',
    );
  });

  it('asks to confirm a large change with its share', () => {
    expect(confirmationText(plan({ update: 12, existing: 40, changeShare: 0.3 }))).toBe(
      'I confirm changing 12 of the 40 existing records (30%)',
    );
  });
});
