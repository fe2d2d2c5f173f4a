import type { EventHub } from './event-hub';
import type { Router } from '../ipc/router';
import type { Logger } from '../lib/logger';
import type { ConnectionEntry } from './connections';
import type { SecretStore } from '../services/settings/secret-store';
import type { ChooseFile } from '../ipc/files.ipc';
import type { RecentFiles } from './recent-files';
import type { WindowStateStore } from './window-state';

/** Options shared by the Electron shell and browser mode when they start the app's services. */
export interface AppServicesOptions {
  /** The app's data folder (Electron's userData, or BATCHLINE_DATA_DIR): settings, runs/. */
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  log: Logger;
  /**
   * Connections to offer besides the built-in Sandbox ones (same ids replace them). The hook
   * the Connections page's saved connections and tests come in by: each holds its TokenSource
   * in main, and only its view ever reaches the renderer.
   */
  extraConnections?: readonly ConnectionEntry[];
  /**
   * Where connection credentials live (services/settings/secret-store.ts). The Electron
   * shell opens it with safeStorage; without one, credentials are kept for the session only
   * (browser mode: "browser mode has no OS keychain"). Saved connections read theirs through
   * `storedTokenSource(secrets, id)`.
   */
  secrets?: SecretStore;
  /**
   * The system's open dialog (desktop app). Without one (browser mode) files:choose refuses,
   * the renderer uses its file input, and the Recent list stays empty.
   */
  chooseFile?: ChooseFile;
}

/** Everything a transport needs: the router to dispatch requests and the hub to stream events. */
export interface AppServices {
  router: Router;
  events: EventHub;
  dataDir: string;
  close(): Promise<void>;
}

/** What the desktop shell needs besides a transport's AppServices: the menu and the window. */
export interface DesktopServices extends AppServices {
  /** Files opened from disk, for the native menu's Open Recent. */
  recentFiles: RecentFiles;
  /** The main window's last size and place (settings.json). */
  windowState: WindowStateStore;
}
