import { describe, expect, it } from 'vitest';
import type { ImportPreview, ValidationView } from '../../../../shared/ipc/contract';
import { editLossQuestion } from '../../../../renderer/features/import/edit-loss';
import {
  wizardReducer,
  type OpenedFile,
  type WizardState,
} from '../../../../renderer/features/import/wizard-state';

const preview = {
  fileName: 'hr.csv',
  headers: ['Work Email', 'Ext'],
  suggestedMapping: {},
  mappingSource: 'automatic',
} as unknown as ImportPreview;
const file: OpenedFile = {
  dataset: { id: 'zoom-users', target: 'zoom', kind: 'users' } as OpenedFile['dataset'],
  preview,
  source: { recentId: 'r1', name: 'hr.csv' },
  readChoices: {},
  mapping: { email: 'Work Email' },
  mappingSource: 'automatic',
  country: '',
  rejectedIssues: [],
};
const edited = { counts: { invalid: 0 }, editedCells: 4 } as unknown as ValidationView;

describe('grid edits lost by reading the file again or leaving it from the mapping step', () => {
  it('carries the edited-cell count back to the mapping step', () => {
    const review: WizardState = { step: 'review', file, validation: edited };
    const back = wizardReducer(review, { type: 'back' });
    expect(back).toMatchObject({ step: 'mapping', file: { editedCells: 4 } });
  });

  it('asks before reading again or leaving, naming the file and the cells', () => {
    const mapping = { ...file, editedCells: 4 };
    expect(editLossQuestion(mapping, 'reread')).toBe(
      'Read hr.csv again and lose 4 edited cells? Edits belong to the file as it is read now; continue to Review and use “Save batch…” first to keep them.',
    );
    expect(editLossQuestion(mapping, 'leave')).toBe(
      'Leave hr.csv and lose 4 edited cells? Continue to Review and use “Save batch…” first to keep them.',
    );
    expect(editLossQuestion({ ...file, editedCells: 1 }, 'leave')).toMatch(/lose 1 edited cell\?/);
  });

  it('asks nothing when no cell was edited, and nothing more once the file was read again', () => {
    expect(editLossQuestion(file, 'reread')).toBeUndefined();
    const mapping: WizardState = { step: 'mapping', file: { ...file, editedCells: 4 } };
    const reread = wizardReducer(mapping, {
      type: 'reopened',
      preview,
      readChoices: { delimiter: ';' },
    });
    expect(reread.step === 'mapping' && editLossQuestion(reread.file, 'reread')).toBeUndefined();
  });
});
