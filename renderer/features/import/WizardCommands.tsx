import { useRef, type ChangeEvent } from 'react';
import { useCommand } from '../../app/commands';
import type { DatasetChoice } from './datasets';
import { ACCEPT } from './start/DropZone';
import type { DiskFiles } from './start/use-disk-files';
import type { ImportWizard } from './use-import-wizard';
import { leaveQuestion } from './edit-loss';

/** Props of {@link WizardCommands}. */
export interface WizardCommandsProps {
  wizard: ImportWizard;
  disk: DiskFiles;
  dataset: DatasetChoice;
}

const PUSH_RUNNING =
  'A push is running: let it finish or cancel it before starting another import. It also goes on from the Runs page.';

/**
 * The import's app commands (File menu, and its shortcuts in browser mode): New import,
 * Open…, Open Recent and Clear Recent, from any screen but a running push.
 *
 * Open… uses main's system dialog in the desktop app; in browser mode it clicks a file
 * input of its own, which works on every screen because the key press that asked for it
 * is still the user activation a file chooser needs.
 */
export function WizardCommands({ wizard, disk, dataset }: WizardCommandsProps) {
  const input = useRef<HTMLInputElement>(null);
  const { state } = wizard;
  const pushing = state.step === 'run';
  const refuse = () => wizard.call.fail({ code: 'USAGE', message: PUSH_RUNNING, retryable: false });
  // Leaving an import whose cells were edited loses the edits: ask first (Save batch… keeps them).
  const mayLeave = () => {
    const question = leaveQuestion(state);
    return question === undefined || window.confirm(question);
  };

  useCommand('new-import', () => (pushing ? refuse() : mayLeave() && wizard.reset()));
  useCommand('open-file', () => {
    if (pushing) {
      refuse();
    } else if (!mayLeave()) {
      return;
    } else if (disk.nativeDialog) {
      disk.chooseFromDisk(dataset);
    } else {
      input.current?.click();
    }
  });
  useCommand('open-recent', ({ id }) =>
    pushing ? refuse() : mayLeave() && disk.openRecent(dataset, id),
  );
  useCommand('clear-recent', () => disk.clearRecent());

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again still fires a change.
    event.target.value = '';
    if (file) {
      wizard.openFile(dataset, file);
    }
  };
  return (
    <input
      ref={input}
      type="file"
      accept={ACCEPT}
      hidden
      tabIndex={-1}
      aria-hidden="true"
      onChange={onChange}
      data-testid="command-file-input"
    />
  );
}
