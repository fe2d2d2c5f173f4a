import { dialog, type BrowserWindow } from 'electron';
import type { ChooseFile } from '../ipc/files.ipc';

/**
 * The ChooseFile of the desktop app: the system's open dialog, one spreadsheet at a time,
 * attached to `parent()` (our focused window) so it is modal to it. Main reads the file;
 * the path never goes to the renderer.
 */
export function systemFileDialog(parent: () => BrowserWindow | undefined): ChooseFile {
  return async () => {
    const options: Electron.OpenDialogOptions = {
      title: 'Open a spreadsheet',
      properties: ['openFile'],
      filters: [
        { name: 'Spreadsheets (CSV, TSV, TXT, Excel)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const win = parent();
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
