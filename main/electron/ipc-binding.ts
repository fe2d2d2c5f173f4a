import { ipcMain } from 'electron';
import type { JobEvent } from '../../shared/ipc/contract';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';
import type { Router } from '../ipc/router';
import { callerFromIpcEvent } from './app-origin';
import type { WindowRegistry } from './window';

/**
 * Binds every request channel of the router to Electron IPC; returns the unbinding.
 *
 * This is the only `ipcMain.handle` in the app. The transport only decides who is calling;
 * the router does the refusing, parsing and Result wrapping, the same as for browser mode.
 */
export function bindIpc(router: Router, registry: WindowRegistry): () => void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, args: unknown) =>
      router.dispatch(
        channel,
        args,
        callerFromIpcEvent(event, (id) => registry.hasContents(id)),
      ),
    );
  }
  return () => {
    for (const channel of router.channels) {
      ipcMain.removeHandler(channel);
    }
  };
}

/**
 * The one typed way to push job events to the renderer: to every live window of ours,
 * skipping any whose WebContents is already destroyed (closing windows, crashed renderers).
 */
export function createWindowEmitter(registry: WindowRegistry): (event: JobEvent) => void {
  return (event) => {
    for (const win of registry.live()) {
      if (!win.webContents.isDestroyed()) {
        win.webContents.send(EVENT_CHANNEL, event);
      }
    }
  };
}
