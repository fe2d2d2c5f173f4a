import type { ExportedFile } from '../../shared/ipc/contract';

/** How long a download's object URL stays alive; Chromium reads it asynchronously. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves a file main produced (template, results) through the browser's download flow.
 *
 * A Blob and a temporary anchor work the same in Electron and in browser mode, and need no
 * file-system access in the renderer. Text (CSV) goes in as it is; base64 (XLSX) is decoded
 * to its bytes first.
 */
export function downloadFile(file: ExportedFile): void {
  const body = file.encoding === 'base64' ? base64Bytes(file.content) : file.content;
  const blob = new Blob([body], { type: file.mimeType });
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

/** The bytes of a base64 string (atob gives one char per byte, 0-255). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
