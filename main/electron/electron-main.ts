import path from 'node:path';
import { Menu, app, session } from 'electron';
import type { AppServices } from '../app/app-services';
import { createAppServices } from '../app/create-app-services';
import { createLogger } from '../lib/logger';
import { APP_NAME, defaultDataDir } from '../lib/paths';
import { isAppUrl } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { bindIpc, createWindowEmitter } from './ipc-binding';
import { buildAppMenu } from './menu';
import { createMainWindow, createWindowRegistry } from './window';

// The desktop app's lifecycle only; everything else is a module it wires together.
// Bundled to dist/main/electron-main.cjs, next to preload.cjs; the renderer is dist/renderer.

declare const __BATCHLINE_VERSION__: string | undefined;

const log = createLogger();
const registry = createWindowRegistry();
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
let services: AppServices | undefined;
let unbindIpc: (() => void) | undefined;
let unsubscribeEvents: (() => void) | undefined;

// Order matters: the name and data folder before the single-instance lock (the lock lives
// in userData), the sandbox and scheme before `ready`. The data folder is the one the CLI
// and browser mode use, BATCHLINE_DATA_DIR included.
app.setName(APP_NAME);
app.setPath('userData', defaultDataDir());
app.enableSandbox();
registerAppScheme();

function openWindow(): void {
  createMainWindow({ preloadPath, registry, log });
}

function focusWindow(): void {
  const [win] = registry.live();
  if (win === undefined) {
    openWindow();
    return;
  }
  if (win.isMinimized()) {
    win.restore();
  }
  win.focus();
}

// Every WebContents, ours or not: no pop-ups, no navigation away from app://, no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: Electron.Event<{ url: string }>) => {
    if (!isAppUrl(event.url)) {
      log.warn('navigation.blocked', { url: event.url.slice(0, 120) });
      event.preventDefault();
    }
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function start(): Promise<void> {
  await app.whenReady();
  // The renderer needs no camera, notifications, clipboard-read or anything else.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveAppProtocol(rendererDir);
  Menu.setApplicationMenu(buildAppMenu({ isDev: !app.isPackaged, platform: process.platform }));

  services = await createAppServices({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    version: typeof __BATCHLINE_VERSION__ === 'string' ? __BATCHLINE_VERSION__ : app.getVersion(),
    log,
  });
  unbindIpc = bindIpc(services.router, registry);
  unsubscribeEvents = services.events.subscribe(createWindowEmitter(registry));
  openWindow();
  app.on('activate', focusWindow);
}

let cleanedUp = false;
app.on('will-quit', (event) => {
  if (cleanedUp) {
    return;
  }
  // Hold the quit until services have closed (journals flushed, simulators stopped).
  event.preventDefault();
  cleanedUp = true;
  unsubscribeEvents?.();
  unbindIpc?.();
  const closing = services?.close() ?? Promise.resolve();
  closing
    .catch((caught: unknown) =>
      log.error('app.close-failed', {
        message: caught instanceof Error ? caught.message : String(caught),
      }),
    )
    .finally(() => app.quit());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') {
    app.quit();
  }
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  start().catch((caught: unknown) => {
    log.error('app.start-failed', {
      message: caught instanceof Error ? caught.message : String(caught),
    });
    app.exit(1);
  });
}
