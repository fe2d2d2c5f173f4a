import type { BatchlineApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in browser mode. Use getApi(). */
    batchline?: BatchlineApi;
  }
}

export {};
