import { describe, expect, it } from 'vitest';
import { GRANTED_PERMISSIONS, decidePermission } from '../../../../main/electron/permissions';

// Everything Electron may ask the request and check handlers about; none is granted today.
const ELECTRON_PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
];

describe('decidePermission', () => {
  it('grants nothing the renderer does not use', () => {
    expect(GRANTED_PERMISSIONS).toEqual([]);
    for (const permission of ELECTRON_PERMISSIONS) {
      expect(decidePermission(permission, 'app://batchline/index.html')).toEqual({
        allowed: false,
        reason: 'not granted to the app',
      });
    }
  });

  it('grants a listed permission to our origin only', () => {
    const granted = ['clipboard-sanitized-write'];
    expect(decidePermission('clipboard-sanitized-write', 'app://batchline', granted)).toEqual({
      allowed: true,
    });
    expect(
      decidePermission('clipboard-sanitized-write', 'app://batchline/index.html', granted),
    ).toEqual({ allowed: true });
    for (const url of ['https://evil.example/', 'app://other/', 'file:///index.html', '', 'null']) {
      expect(decidePermission('clipboard-sanitized-write', url, granted)).toEqual({
        allowed: false,
        reason: 'not our origin',
      });
    }
    expect(decidePermission('media', 'app://batchline', granted).allowed).toBe(false);
  });
});
