import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../../main/lib/paths';

describe('defaultDataDir', () => {
  it('prefers BATCHLINE_DATA_DIR on every platform', () => {
    expect(defaultDataDir({ BATCHLINE_DATA_DIR: '/tmp/bl' }, 'linux', '/home/ann')).toBe(
      path.resolve('/tmp/bl'),
    );
    expect(
      defaultDataDir({ BATCHLINE_DATA_DIR: '  ', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ann'),
    ).toBe('/x/batchline');
  });

  it('matches Electron userData on Linux: XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ann')).toBe(
      '/cfg/batchline',
    );
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/batchline');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'freebsd', '/home/ann')).toBe(
      '/home/ann/.config/batchline',
    );
  });

  it('matches Electron userData on macOS and Windows', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/batchline',
    );
    expect(
      defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann'),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\batchline');
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\batchline',
    );
  });
});
