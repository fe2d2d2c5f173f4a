import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The native menu: standard roles only, so the OS supplies labels, shortcuts and
 * translations. Reload and DevTools appear only in development builds.
 *
 * Edit roles matter even without visible use: on macOS, copy/paste shortcuts in inputs
 * only work when the menu has them.
 */
export function buildAppMenu(opts: { isDev: boolean; platform: NodeJS.Platform }): Menu {
  const isMac = opts.platform === 'darwin';
  const devItems: MenuItemConstructorOptions[] = opts.isDev
    ? [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : [];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
