import { describe, expect, it } from 'vitest';
import type { PlanView, ValidationView } from '../../../../shared/ipc/contract';
import {
  wizardReducer,
  type OpenedFile,
  type WizardState,
} from '../../../../renderer/features/import/wizard-state';

const file = { mapping: {} } as unknown as OpenedFile;
const before = { counts: { invalid: 4 }, editedCells: 0 } as unknown as ValidationView;
const after = { counts: { invalid: 3 }, editedCells: 1 } as unknown as ValidationView;
const plan = { summary: { create: 2 } } as unknown as PlanView;

describe('the review step after an edit in the grid', () => {
  it('takes the new validation on the review step, keeping the file', () => {
    const review: WizardState = { step: 'review', file, validation: before };
    expect(wizardReducer(review, { type: 'revalidated', validation: after })).toEqual({
      step: 'review',
      file,
      validation: after,
    });
  });

  it('ignores a late re-validation once the admin has moved on or back', () => {
    const planned: WizardState = {
      step: 'plan',
      file,
      validation: before,
      plan,
      allowUpdates: true,
    };
    expect(wizardReducer(planned, { type: 'revalidated', validation: after })).toBe(planned);
    const mapping: WizardState = { step: 'mapping', file };
    expect(wizardReducer(mapping, { type: 'revalidated', validation: after })).toBe(mapping);
  });
});
