import { BrowserWindow } from 'electron';
import type { Logger } from '../lib/logger';
import { APP_ORIGIN } from './app-origin';

/** The windows this process created: the sender check and the event emitter consult it. */
export interface WindowRegistry {
  add(win: BrowserWindow): void;
  /** True when a WebContents id belongs to one of our live windows. */
  hasContents(webContentsId: number): boolean;
  /** Our windows that are still alive. */
  live(): BrowserWindow[];
}

/** Creates an empty registry; windows leave it when they close. Owned by electron-main. */
export function createWindowRegistry(): WindowRegistry {
  const windows = new Map<number, BrowserWindow>();
  return {
    add(win) {
      const contentsId = win.webContents.id;
      windows.set(contentsId, win);
      win.on('closed', () => windows.delete(contentsId));
    },
    hasContents(webContentsId) {
      const win = windows.get(webContentsId);
      return win !== undefined && !win.isDestroyed();
    },
    live() {
      return [...windows.values()].filter((win) => !win.isDestroyed());
    },
  };
}

/**
 * Opens the main window with the secure defaults of STYLE §5.8 and loads the renderer from
 * app://batchline/ (its CSP header comes with the protocol response).
 *
 * `sandbox: true` is set last, as VS Code does, so no spread or later key can turn it off.
 */
export function createMainWindow(opts: {
  preloadPath: string;
  registry: WindowRegistry;
  log: Logger;
}): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'batchline',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // No auxclick (middle-click) events: the renderer has no use for them, and a middle
      // click on a link must not be a second way to a new window (electronegativity
      // AUXCLICK_JS_CHECK); setWindowOpenHandler refuses those windows anyway.
      disableBlinkFeatures: 'Auxclick',
      sandbox: true,
    },
  });
  opts.registry.add(win);
  win.once('ready-to-show', () => win.show());
  win.loadURL(`${APP_ORIGIN}/index.html`).catch((caught: unknown) => {
    opts.log.error('window.load-failed', {
      message: caught instanceof Error ? caught.message : String(caught),
    });
  });
  return win;
}
