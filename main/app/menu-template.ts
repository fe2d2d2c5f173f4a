import type { AppCommand } from '../../shared/ipc/app-commands';
import type { RecentFile } from '../../shared/ipc/contract';

/** The Electron menu roles this menu uses: the OS supplies their labels and behaviour. */
export type MenuRole =
  | 'appMenu'
  | 'windowMenu'
  | 'close'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen';

/** What clicking an item does: a command for the renderer, or something main does itself. */
export type MenuAction = { command: AppCommand } | { main: 'about' };

/** One node of the menu, free of Electron so the whole template is testable in Node. */
export type MenuNode =
  | { type: 'separator' }
  | { type: 'role'; role: MenuRole; label?: string; accelerator?: string }
  | {
      type: 'item';
      id: string;
      label: string;
      accelerator?: string;
      enabled: boolean;
      action?: MenuAction;
    }
  | { type: 'submenu'; id: string; label: string; items: MenuNode[] };

/** What the menu depends on. */
export interface MenuInput {
  platform: NodeJS.Platform;
  isDev: boolean;
  version: string;
  /** The Recent list, most recent first. */
  recent: readonly RecentFile[];
}

const SEPARATOR: MenuNode = { type: 'separator' };

function command(id: string, label: string, cmd: AppCommand, accelerator?: string): MenuNode {
  return { type: 'item', id, label, enabled: true, action: { command: cmd }, accelerator };
}

/**
 * A label as the menu shows it. On Windows and Linux `&` marks the next letter as the
 * item's access key, so a file named "R&D.csv" must have its `&` doubled to show as typed.
 */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&');
}

function recentItems(input: MenuInput): MenuNode[] {
  const entries: MenuNode[] = input.recent.map((file) => ({
    type: 'item',
    id: `recent-${file.id}`,
    label: menuLabel(file.folder ? `${file.name} — ${file.folder}` : file.name, input.platform),
    enabled: true,
    action: { command: { type: 'open-recent', id: file.id } },
  }));
  const none: MenuNode = {
    type: 'item',
    id: 'recent-none',
    label: 'No recent files',
    enabled: false,
  };
  return [
    ...(entries.length > 0 ? entries : [none]),
    SEPARATOR,
    {
      type: 'item',
      id: 'clear-recent',
      label: 'Clear Recent',
      enabled: entries.length > 0,
      action: { command: { type: 'clear-recent' } },
    },
  ];
}

/**
 * The native menu as plain data: File (new import, open, recent, save, close/quit), Edit,
 * View (the four pages on CmdOrCtrl+1..4, zoom, full screen), Window and Help.
 *
 * Items that act on the import go to the renderer as app commands; Save batch is always
 * enabled because the renderer knows whether there is something to save. Edit roles stay
 * even without visible use: on macOS, copy/paste in inputs only work when the menu has them.
 */
export function buildMenuTemplate(input: MenuInput): MenuNode[] {
  const isMac = input.platform === 'darwin';
  const devItems: MenuNode[] = input.isDev
    ? [
        { type: 'role', role: 'reload' },
        { type: 'role', role: 'forceReload' },
        { type: 'role', role: 'toggleDevTools' },
        SEPARATOR,
      ]
    : [];
  const go = (page: 'import' | 'runs' | 'connections' | 'export', label: string, key: number) =>
    command(`go-${page}`, label, { type: 'go', page }, `CmdOrCtrl+${key}`);
  return [
    ...(isMac ? [{ type: 'role', role: 'appMenu' } as const] : []),
    {
      type: 'submenu',
      id: 'file',
      label: isMac ? 'File' : '&File',
      items: [
        command('new-import', 'New Import', { type: 'new-import' }, 'CmdOrCtrl+N'),
        command('open-file', 'Open…', { type: 'open-file' }, 'CmdOrCtrl+O'),
        { type: 'submenu', id: 'open-recent', label: 'Open Recent', items: recentItems(input) },
        SEPARATOR,
        command('save-batch', 'Save Batch…', { type: 'save-batch' }, 'CmdOrCtrl+S'),
        SEPARATOR,
        isMac
          ? { type: 'role', role: 'close' }
          : { type: 'role', role: 'quit', label: input.platform === 'win32' ? 'E&xit' : '&Quit' },
      ],
    },
    {
      type: 'submenu',
      id: 'edit',
      label: isMac ? 'Edit' : '&Edit',
      items: [
        { type: 'role', role: 'undo' },
        { type: 'role', role: 'redo' },
        SEPARATOR,
        { type: 'role', role: 'cut' },
        { type: 'role', role: 'copy' },
        { type: 'role', role: 'paste' },
        { type: 'role', role: 'selectAll' },
      ],
    },
    {
      type: 'submenu',
      id: 'view',
      label: isMac ? 'View' : '&View',
      items: [
        go('import', 'Import', 1),
        go('runs', 'Runs', 2),
        go('connections', 'Connections', 3),
        go('export', 'Export', 4),
        SEPARATOR,
        ...devItems,
        { type: 'role', role: 'resetZoom' },
        { type: 'role', role: 'zoomIn' },
        { type: 'role', role: 'zoomOut' },
        SEPARATOR,
        { type: 'role', role: 'togglefullscreen' },
      ],
    },
    { type: 'role', role: 'windowMenu' },
    {
      type: 'submenu',
      id: 'help',
      label: isMac ? 'Help' : '&Help',
      items: [
        // On macOS the app menu has About already.
        ...(isMac
          ? []
          : [
              {
                type: 'item',
                id: 'about',
                label: 'About batchline',
                enabled: true,
                action: { main: 'about' },
              } as const,
            ]),
        { type: 'item', id: 'version', label: `Version ${input.version}`, enabled: false },
      ],
    },
  ];
}
