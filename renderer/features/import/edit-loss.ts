import { countOf } from '../../app/format';
import type { OpenedFile, WizardState } from './wizard-state';

// Grid edits live with one reading of one file in main: reading it again with other choices,
// or leaving it, drops them. These are the questions asked first.

/** What would drop the edits: reading the file again, or leaving it for the start screen. */
export type EditLoss = 'reread' | 'leave';

/** The question to ask before `loss`, or undefined when no cell was edited. */
export function editLossQuestion(file: OpenedFile, loss: EditLoss): string | undefined {
  const edited = file.editedCells ?? 0;
  if (edited === 0) {
    return undefined;
  }
  const name = file.preview.fileName;
  const cells = countOf(edited, 'edited cell');
  return loss === 'reread'
    ? `Read ${name} again and lose ${cells}? Edits belong to the file as it is read now; continue to Review and use “Save batch…” first to keep them.`
    : `Leave ${name} and lose ${cells}? Continue to Review and use “Save batch…” first to keep them.`;
}

/**
 * The question before leaving the import from wherever the flow is (New import, Open…), or
 * undefined when no cell was edited. Review and Plan offer "Save batch…" right there.
 */
export function leaveQuestion(state: WizardState): string | undefined {
  if (state.step === 'mapping') {
    return editLossQuestion(state.file, 'leave');
  }
  if (state.step !== 'review' && state.step !== 'plan') {
    return undefined;
  }
  const edited = state.validation.editedCells ?? 0;
  return edited === 0
    ? undefined
    : `Leave ${state.file.preview.fileName} and lose ${countOf(edited, 'edited cell')}? Use “Save batch…” first to keep them.`;
}
