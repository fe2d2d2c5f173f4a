import { BrowserWindow, nativeTheme, screen } from 'electron';
import { placeWindow, placementToSave, type WindowDefaults } from '../app/window-bounds';
import { debouncedPlacementSaver, type WindowStateStore } from '../app/window-state';
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

const SIZE: WindowDefaults = { width: 1280, height: 860, minWidth: 900, minHeight: 600 };

/** The work areas of the displays there are now, the primary one first. */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

/**
 * Remembers where the admin keeps the window: saved (debounced) as it moves and resizes,
 * and at once when it closes. The rules of what is restored: main/app/window-bounds.ts.
 */
function rememberPlacement(win: BrowserWindow, store: WindowStateStore): void {
  const saver = debouncedPlacementSaver(
    () =>
      placementToSave({
        normalBounds: win.getNormalBounds(),
        maximized: win.isMaximized(),
        minimized: win.isMinimized(),
        fullScreen: win.isFullScreen(),
      }),
    (placement) => void store.save(placement),
  );
  const schedule = () => saver.schedule();
  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  win.on('close', () => saver.flush());
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
  /** Where the window was last time; it opens there again when that still fits a display. */
  placement: WindowStateStore;
}): BrowserWindow {
  const placed = placeWindow(opts.placement.load(), workAreas(), SIZE);
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: SIZE.minWidth,
    minHeight: SIZE.minHeight,
    show: false,
    title: 'batchline',
    // The page background of the theme the renderer will pick (tokens.css), so a dark
    // desktop sees no white flash before the first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16191d' : '#f6f8fa',
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
  rememberPlacement(win, opts.placement);
  win.once('ready-to-show', () => {
    // maximize() shows a hidden window, so only now: no blank window before the first paint.
    if (placed.maximized) {
      win.maximize();
    }
    win.show();
  });
  win.loadURL(`${APP_ORIGIN}/index.html`).catch((caught: unknown) => {
    opts.log.error('window.load-failed', {
      message: caught instanceof Error ? caught.message : String(caught),
    });
  });
  return win;
}
