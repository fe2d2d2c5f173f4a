import path from 'node:path';
import { app, safeStorage, session, shell } from 'electron';
import type { DesktopServices } from '../app/app-services';
import { createAppServices } from '../app/create-app-services';
import { createLogger } from '../lib/logger';
import { APP_NAME, defaultDataDir } from '../lib/paths';
import { SecretStore } from '../services/settings/secret-store';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { systemFileDialog } from './file-dialog';
import { bindIpc, commandTarget, createCommandSender, createWindowEmitter } from './ipc-binding';
import { installAppMenu } from './menu';
import { guardNavigation, handleWindowOpen } from './navigation-policy';
import { decidePermission } from './permissions';
import { safeStorageEncryptor } from './safe-storage-encryptor';
import { createMainWindow, createWindowRegistry } from './window';

// The desktop app's lifecycle only; everything else is a module it wires together.
// Bundled to dist/main/electron-main.cjs, next to preload.cjs; the renderer is dist/renderer.

declare const __BATCHLINE_VERSION__: string | undefined;

const log = createLogger();
const registry = createWindowRegistry();
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
let services: DesktopServices | undefined;
let unbindIpc: (() => void) | undefined;
let unsubscribeEvents: (() => void) | undefined;
let unsubscribeMenu: (() => void) | undefined;

// Order matters: the name and data folder before the single-instance lock (the lock lives
// in userData), the sandbox and scheme before `ready`. The data folder is the one the CLI
// and browser mode use, BATCHLINE_DATA_DIR included.
app.setName(APP_NAME);
app.setPath('userData', defaultDataDir());
app.enableSandbox();
registerAppScheme();

function openWindow(): void {
  if (services) {
    createMainWindow({ preloadPath, registry, log, placement: services.windowState });
  }
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

// Every WebContents, ours or not: no pop-ups (allow-listed help links go to the system
// browser), no navigation away from app://, no webviews. The rules: navigation-policy.ts.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) =>
    handleWindowOpen(url, (allowed) => shell.openExternal(allowed), log),
  );
  const stayHome = (event: Electron.Event<{ url: string }>) => guardNavigation(event, log);
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview.blocked', {});
  });
});

async function start(): Promise<void> {
  await app.whenReady();
  // Every permission request, check and device (HID, serial, USB) grant goes through
  // permissions.ts, which grants nothing today; refused requests are logged.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const verdict = decidePermission(permission, details.requestingUrl);
    if (!verdict.allowed) {
      log.warn('permission.denied', { permission, reason: verdict.reason });
    }
    callback(verdict.allowed);
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      decidePermission(permission, requestingOrigin).allowed,
  );
  session.defaultSession.setDevicePermissionHandler(() => false);
  serveAppProtocol(rendererDir);

  // After `ready`: only then does safeStorage know the keychain (and Linux its backend).
  const dataDir = app.getPath('userData');
  const secrets = await SecretStore.open(dataDir, {
    encryptor: safeStorageEncryptor(safeStorage),
    log,
  });
  const version =
    typeof __BATCHLINE_VERSION__ === 'string' ? __BATCHLINE_VERSION__ : app.getVersion();
  const ready = await createAppServices({
    dataDir,
    mode: 'electron',
    version,
    log,
    secrets,
    chooseFile: systemFileDialog(() => commandTarget(registry)),
  });
  services = ready;
  unbindIpc = bindIpc(ready.router, registry);
  unsubscribeEvents = ready.events.subscribe(createWindowEmitter(registry));
  unsubscribeMenu = installAppMenu({
    menu: { isDev: !app.isPackaged, platform: process.platform, version },
    recentFiles: ready.recentFiles,
    sendCommand: createCommandSender(registry),
    window: () => commandTarget(registry),
  });
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
  unsubscribeMenu?.();
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
