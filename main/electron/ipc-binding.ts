import { BrowserWindow, ipcMain } from 'electron';
import { AppCommand } from '../../shared/ipc/app-commands';
import type { JobEvent } from '../../shared/ipc/contract';
import { APP_COMMAND_CHANNEL, EVENT_CHANNEL } from '../../shared/ipc/channels';
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

/** The window a menu command is for: the focused one if it is ours, else our first live one. */
export function commandTarget(registry: WindowRegistry): BrowserWindow | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused && !focused.isDestroyed() && registry.hasContents(focused.webContents.id)) {
    return focused;
  }
  return registry.live()[0];
}

/**
 * The one typed way to send an app command (a menu click) to the renderer: checked against
 * the AppCommand schema, to one window only (the focused one), so two windows never both
 * open a file dialog. With no window of ours the command is dropped.
 */
export function createCommandSender(registry: WindowRegistry): (command: AppCommand) => void {
  return (command) => {
    const win = commandTarget(registry);
    if (win && !win.webContents.isDestroyed()) {
      win.webContents.send(APP_COMMAND_CHANNEL, AppCommand.parse(command));
    }
  };
}
