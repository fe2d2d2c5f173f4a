import { describe, expect, it } from 'vitest';
import { buildBatchFile } from '../../../../shared/batch/batch-file';
import type { ImportPreview, ValidationView } from '../../../../shared/ipc/contract';
import type { PendingBatch } from '../../../../renderer/features/import/batch/batch-state';
import { ZOOM_USERS } from '../../../../renderer/features/import/datasets';
import {
  INITIAL_WIZARD_STATE,
  wizardReducer,
  type OpenedFile,
  type WizardState,
} from '../../../../renderer/features/import/wizard-state';

const batch = buildBatchFile({
  savedAt: new Date('2025-11-12T10:00:00Z'),
  target: 'zoom',
  kind: 'users',
  source: { fileName: 'hr.csv', size: 10, sha256: 'b'.repeat(64), delimiter: ';', headerRow: 2 },
  mapping: { email: 'Work Email' },
  country: 'GB',
  edits: [],
});
const pending: PendingBatch = { batch, text: '{}', name: 'hr.csv.batchline' };
const preview = { fileId: 'f1', mappingSource: 'remembered' } as unknown as ImportPreview;
const source = { name: 'hr.csv' } as unknown as File;
const checked = (mappingIssues: ValidationView['mappingIssues']) =>
  ({ rowCount: 3, mappingIssues }) as unknown as ValidationView;
const opened = (validation: ValidationView) =>
  ({ type: 'batch-opened', dataset: ZOOM_USERS, preview, source, validation }) as const;

describe('the import flow with a saved batch', () => {
  const waiting = wizardReducer(INITIAL_WIZARD_STATE, { type: 'batch-chosen', pending });

  it('keeps a chosen batch on the start screen until its source file is chosen, or cancelled', () => {
    expect(waiting).toEqual({ step: 'start', pendingBatch: pending });
    expect(wizardReducer(waiting, { type: 'batch-dropped' })).toEqual({ step: 'start' });
  });

  it('lands on Review with the batch’s mapping, country and read choices', () => {
    const validation = checked([]);
    const next = wizardReducer(waiting, opened(validation));
    expect(next).toEqual({
      step: 'review',
      validation,
      file: {
        dataset: ZOOM_USERS,
        preview,
        source,
        readChoices: { delimiter: ';', headerRow: 2 },
        mapping: { email: 'Work Email' },
        mappingSource: 'remembered',
        country: 'GB',
        rejectedIssues: [],
      },
    });
  });

  it('lands on the mapping screen, with the problems, when the batch’s mapping does not fit', () => {
    const issue = {
      code: 'REQUIRED_UNMAPPED',
      message: 'Email needs a column.',
      severity: 'error',
    } as const;
    const next = wizardReducer(waiting, opened(checked([issue])));
    expect(next).toMatchObject({ step: 'mapping', file: { rejectedIssues: [issue] } });
  });

  it('ignores batch moves away from the start screen, and an opened batch nobody chose', () => {
    const review: WizardState = {
      step: 'review',
      file: { mapping: {} } as unknown as OpenedFile,
      validation: checked([]),
    };
    expect(wizardReducer(review, { type: 'batch-chosen', pending })).toBe(review);
    expect(wizardReducer(review, { type: 'batch-dropped' })).toBe(review);
    expect(wizardReducer(INITIAL_WIZARD_STATE, opened(checked([])))).toBe(INITIAL_WIZARD_STATE);
  });
});
