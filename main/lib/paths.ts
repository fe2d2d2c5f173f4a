import os from 'node:os';
import path from 'node:path';

/** The app name Electron derives its userData folder from (app.setName in the shell). */
export const APP_NAME = 'batchline';

/**
 * The app's data folder (settings, runs/), shared by the desktop app, browser mode and CLI.
 *
 * BATCHLINE_DATA_DIR wins; otherwise the folder Electron's `app.getPath('userData')` gives for
 * app name "batchline", so a run pushed from the CLI shows up in the app and vice versa:
 * Windows %APPDATA%\batchline, macOS ~/Library/Application Support/batchline, elsewhere
 * $XDG_CONFIG_HOME/batchline or ~/.config/batchline. Every input is injectable so tests cover
 * all platforms on any machine.
 */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.BATCHLINE_DATA_DIR;
  if (override !== undefined && override.trim() !== '') {
    return path.resolve(override);
  }
  if (platform === 'win32') {
    const appData = env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  }
  const configHome = env.XDG_CONFIG_HOME;
  const base =
    configHome !== undefined && configHome !== '' ? configHome : path.posix.join(home, '.config');
  return path.posix.join(base, APP_NAME);
}
