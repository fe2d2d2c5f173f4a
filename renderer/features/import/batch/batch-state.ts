import type { BatchFile } from '../../../../shared/batch/batch-file';
import type { ImportPreview, ValidationView } from '../../../../shared/ipc/contract';
import type { DatasetChoice } from '../datasets';
import type { OpenedFile, ReadChoices, WizardState } from '../wizard-state';

/** A `.batchline` file the admin chose, read and parsed, waiting for its source sheet. */
export interface PendingBatch {
  batch: BatchFile;
  /** The file's text as chosen: main parses it again (it trusts no renderer parse). */
  text: string;
  /** The batch file's own name, e.g. "hr.csv.batchline". */
  name: string;
}

/** The import flow's moves for a saved batch (see wizard-state.ts). */
export type BatchAction =
  | { type: 'batch-chosen'; pending: PendingBatch }
  | { type: 'batch-dropped' }
  | {
      type: 'batch-opened';
      dataset: DatasetChoice;
      preview: ImportPreview;
      source: File;
      validation: ValidationView;
    };

/** The read choices recorded in a batch, as the mapping screen's "read again" keeps them. */
export function readChoicesOf(batch: BatchFile): ReadChoices {
  const { encoding, delimiter, headerRow, sheet } = batch.source;
  return {
    ...(encoding ? { encoding } : {}),
    ...(delimiter ? { delimiter } : {}),
    ...(headerRow ? { headerRow } : {}),
    ...(sheet ? { sheet } : {}),
  };
}

/**
 * The batch transitions, all from the start screen: a chosen batch waits there for its
 * source file; once main has opened both, the flow lands on Review with the batch's mapping,
 * country and edits, or on the mapping screen when the mapping no longer fits the sheet.
 */
export function batchTransition(state: WizardState, action: BatchAction): WizardState {
  if (state.step !== 'start') {
    return state;
  }
  switch (action.type) {
    case 'batch-chosen':
      return { step: 'start', pendingBatch: action.pending };
    case 'batch-dropped':
      return { step: 'start' };
    case 'batch-opened': {
      if (!state.pendingBatch) {
        return state;
      }
      const { batch } = state.pendingBatch;
      const { validation } = action;
      const blocking = validation.mappingIssues.filter((issue) => issue.severity === 'error');
      const file: OpenedFile = {
        dataset: action.dataset,
        preview: action.preview,
        source: action.source,
        readChoices: readChoicesOf(batch),
        mapping: { ...batch.mapping },
        mappingSource: action.preview.mappingSource,
        country: batch.country ?? '',
        rejectedIssues: blocking,
      };
      return blocking.length > 0 ? { step: 'mapping', file } : { step: 'review', file, validation };
    }
  }
}
