import { Menu, app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/app-commands';
import {
  buildMenuTemplate,
  type MenuAction,
  type MenuInput,
  type MenuNode,
} from '../app/menu-template';
import type { RecentFiles } from '../app/recent-files';

/** What menu clicks reach: the renderer (app commands) and main's own About box. */
export interface MenuWiring {
  sendCommand(command: AppCommand): void;
  window(): BrowserWindow | undefined;
}

/**
 * The native menu: the template of main/app/menu-template.ts (pure, unit-tested) turned
 * into an Electron Menu, with clicks wired to app commands. Rebuilt whenever Recent changes.
 */
export function buildAppMenu(input: MenuInput, wiring: MenuWiring): Menu {
  const act = (action: MenuAction) => {
    if ('command' in action) {
      wiring.sendCommand(action.command);
    } else {
      showAbout(input.version, wiring.window());
    }
  };
  const toElectron = (node: MenuNode): MenuItemConstructorOptions => {
    switch (node.type) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: node.role, label: node.label, accelerator: node.accelerator };
      case 'submenu':
        return { id: node.id, label: node.label, submenu: node.items.map(toElectron) };
      case 'item': {
        const { action } = node;
        return {
          id: node.id,
          label: node.label,
          accelerator: node.accelerator,
          enabled: node.enabled,
          click: action ? () => act(action) : undefined,
        };
      }
    }
  };
  return Menu.buildFromTemplate(buildMenuTemplate(input).map(toElectron));
}

/** The About box of Windows and Linux (macOS has the app menu's own panel). */
function showAbout(version: string, parent: BrowserWindow | undefined): void {
  const options = {
    type: 'info' as const,
    title: 'About batchline',
    message: `batchline ${version}`,
    detail: [
      'Bulk-provision Zoom Phone, Webex Calling and PortSIP from spreadsheets.',
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  const shown = parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  shown.catch(() => undefined);
}

/**
 * Sets the application menu, and sets it again whenever the Recent list changes (Electron
 * menus are immutable once built). Returns the unsubscribe, for shutdown.
 */
export function installAppMenu(
  opts: MenuWiring & { menu: Omit<MenuInput, 'recent'>; recentFiles: RecentFiles },
): () => void {
  // The macOS app menu's About panel.
  app.setAboutPanelOptions({ applicationName: 'batchline', applicationVersion: opts.menu.version });
  const install = () =>
    Menu.setApplicationMenu(buildAppMenu({ ...opts.menu, recent: opts.recentFiles.views() }, opts));
  install();
  return opts.recentFiles.subscribe(install);
}
