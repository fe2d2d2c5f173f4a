// Pure helpers (no `electron` import) so the trust rules are unit-tested without Electron.
import type { CallerInfo } from '../ipc/router';

/** The privileged scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The one host under it; everything else on the scheme is refused. */
export const APP_HOST = 'batchline';
/** The renderer's stable origin (a file:// origin would be opaque and shared with any local file). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True when a URL belongs to our renderer.
 *
 * Compared by scheme and host, not `URL.origin`: WHATWG URL in Node reports "null" as the
 * origin of custom schemes, which would make every app:// URL look alike.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === `${APP_SCHEME}:` &&
      url.host === APP_HOST &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

/** The parts of an IpcMainInvokeEvent the trust decision reads. */
export interface SenderLike {
  senderFrame: { parent: unknown; url: string } | null;
  sender: { id: number };
}

/**
 * Whether an IPC call may reach the router (Electron security checklist §17).
 *
 * All three must hold: the sending frame still exists and is the top frame (no iframe, even
 * one of ours); it shows our app:// origin (not a page something navigated to); and the
 * WebContents is one of the windows we created.
 */
export function isTrustedSender(
  event: SenderLike,
  isOwnContents: (webContentsId: number) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) {
    return false;
  }
  return isAppUrl(frame.url) && isOwnContents(event.sender.id);
}

/**
 * The caller an IPC event stands for, as the router sees it: the trust verdict of
 * {@link isTrustedSender} plus a log description (WebContents id, frame URL up to its path:
 * never a query or fragment, where a navigated page could carry anything).
 */
export function callerFromIpcEvent(
  event: SenderLike,
  isOwnContents: (webContentsId: number) => boolean,
): CallerInfo {
  const frameUrl = event.senderFrame?.url ?? 'gone';
  const shown = frameUrl.split(/[?#]/, 1)[0] ?? '';
  return {
    trusted: isTrustedSender(event, isOwnContents),
    description: `ipc contents#${event.sender.id} frame ${shown.slice(0, 80)}`,
  };
}
