// Pure permission decisions (no `electron` import): electron-main hands them to the default
// session's request, check and device handlers; the unit tests check them without Electron.
// Electron security checklist §5: handle session permission requests from remote content.
import { isAppUrl } from './app-origin';

/**
 * Web permissions the renderer may be granted. None: it reads files through <input
 * type="file"> and saves through main over IPC, neither of which is a permission, and uses
 * no clipboard, notification, media, geolocation, fullscreen, HID, serial or USB API.
 * Adding one here needs a renderer feature that calls it and a security review.
 */
export const GRANTED_PERMISSIONS: readonly string[] = [];

/** Why a permission was refused; logged, never shown to the renderer. */
export type PermissionRefusal = 'not granted to the app' | 'not our origin';

export type PermissionVerdict = { allowed: true } | { allowed: false; reason: PermissionRefusal };

/**
 * Whether `requestingUrl` may use `permission`: only a permission on the list, and only for
 * our own app:// page (a page something navigated to, or an iframe, gets nothing).
 */
export function decidePermission(
  permission: string,
  requestingUrl: string,
  granted: readonly string[] = GRANTED_PERMISSIONS,
): PermissionVerdict {
  if (!granted.includes(permission)) {
    return { allowed: false, reason: 'not granted to the app' };
  }
  return isAppUrl(requestingUrl) ? { allowed: true } : { allowed: false, reason: 'not our origin' };
}
