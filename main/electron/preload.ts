import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/ipc/api';
import type { AppCommand } from '../../shared/ipc/app-commands';
import { APP_COMMAND_CHANNEL, EVENT_CHANNEL, REQUEST_CHANNELS } from '../../shared/ipc/channels';
import type { JobEvent } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

// The preload runs sandboxed (no Node), so it is bundled into one CJS file and imports only
// channel names and buildApi: no zod, no services. It exposes named functions, never a
// generic invoke, and refuses any channel not in REQUEST_CHANNELS (STYLE §6.3).

const allowed = new Set<string>(REQUEST_CHANNELS);

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message, retryable: false } };
}

const api = buildApi(
  (channel, args) => {
    if (!allowed.has(channel)) {
      return Promise.resolve(failure(`Unknown request "${String(channel)}".`));
    }
    // The router never throws, but invoke still rejects if main has no handler yet or the
    // process is going away; the renderer is promised a Result, never a rejection.
    return (ipcRenderer.invoke(channel, args) as Promise<Result<unknown>>).catch(() =>
      failure('batchline is not answering (it may be starting or shutting down).'),
    );
  },
  (listener) => {
    const forward = (_event: Electron.IpcRendererEvent, payload: JobEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  // Menu commands; the renderer parses each against AppCommand before acting on it.
  (listener) => {
    const forward = (_event: Electron.IpcRendererEvent, payload: AppCommand) => listener(payload);
    ipcRenderer.on(APP_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(APP_COMMAND_CHANNEL, forward);
    };
  },
);

contextBridge.exposeInMainWorld('batchline', api);
