import { describe, expect, it } from 'vitest';
import type { PlanView, ValidationView } from '../../../../shared/ipc/contract';
import {
  WIZARD_STEPS,
  wizardReducer,
  type OpenedFile,
  type WizardState,
} from '../../../../renderer/features/import/wizard-state';

const file = { mapping: {} } as unknown as OpenedFile;
const validation = { rowCount: 6 } as unknown as ValidationView;
const plan = { summary: { create: 2, update: 1 } } as unknown as PlanView;
const review: WizardState = { step: 'review', file, validation };

describe('the import flow with its Plan step', () => {
  it('puts Plan between Review and Push', () => {
    expect(WIZARD_STEPS.map((step) => step.id)).toEqual([
      'start',
      'mapping',
      'review',
      'plan',
      'run',
      'results',
    ]);
  });

  it('plans from Review, re-plans on Plan, and goes back to Review', () => {
    const planned = wizardReducer(review, { type: 'planned', plan, allowUpdates: true });
    expect(planned).toEqual({ step: 'plan', file, validation, plan, allowUpdates: true });
    const replanned = wizardReducer(planned, { type: 'planned', plan, allowUpdates: false });
    expect(replanned).toMatchObject({ step: 'plan', allowUpdates: false });
    expect(wizardReducer(planned, { type: 'back' })).toEqual(review);
  });

  it('starts a push only from the Plan step', () => {
    expect(wizardReducer(review, { type: 'started', jobId: 'j1' })).toBe(review);
    const planned = wizardReducer(review, { type: 'planned', plan, allowUpdates: true });
    expect(wizardReducer(planned, { type: 'started', jobId: 'j1' })).toEqual({
      step: 'run',
      file,
      validation,
      jobId: 'j1',
    });
  });

  it('ignores a late plan once the admin has left for the mapping screen', () => {
    const mapping: WizardState = { step: 'mapping', file };
    expect(wizardReducer(mapping, { type: 'planned', plan, allowUpdates: true })).toBe(mapping);
  });
});
