import type { ExportedFile } from '../../shared/ipc/contract';

/** How long a download's object URL stays alive; Chromium reads it asynchronously. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves a file main produced (template, results) through the browser's download flow.
 *
 * A Blob and a temporary anchor work the same in Electron and in browser mode, and need no
 * file-system access in the renderer.
 */
export function downloadFile(file: ExportedFile): void {
  const blob = new Blob([file.content], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
