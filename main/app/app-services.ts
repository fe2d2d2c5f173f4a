import type { EventHub } from './event-hub';
import type { Router } from '../ipc/router';
import type { Logger } from '../lib/logger';
import type { ConnectionEntry } from './connections';
import type { SecretStore } from '../services/settings/secret-store';

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
}

/** Everything a transport needs: the router to dispatch requests and the hub to stream events. */
export interface AppServices {
  router: Router;
  events: EventHub;
  dataDir: string;
  close(): Promise<void>;
}
