import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, menuLabel, type MenuNode } from '../../../../main/app/menu-template';

type Item = Extract<MenuNode, { type: 'item' }>;

/** The submenu with this id, anywhere in the template. */
function submenu(nodes: readonly MenuNode[], id: string): MenuNode[] {
  for (const node of nodes) {
    if (node.type === 'submenu') {
      if (node.id === id) {
        return node.items;
      }
      const inner = submenu(node.items, id);
      if (inner.length > 0) {
        return inner;
      }
    }
  }
  return [];
}

function items(nodes: readonly MenuNode[]): Item[] {
  return nodes.filter((node): node is Item => node.type === 'item');
}

const recent = [
  { id: 'r1', name: 'hr.csv', folder: 'exports' },
  { id: 'r2', name: 'R&D.xlsx', folder: '' },
];
const base = { isDev: false, version: '1.2.3', recent: [] };

describe('the native menu template', () => {
  it('has File, Edit, View, Window and Help; macOS adds the app menu first', () => {
    const linux = buildMenuTemplate({ ...base, platform: 'linux' });
    expect(linux.map((node) => (node.type === 'submenu' ? node.id : node.type))).toEqual([
      'file',
      'edit',
      'view',
      'role',
      'help',
    ]);
    const mac = buildMenuTemplate({ ...base, platform: 'darwin' });
    expect(mac[0]).toEqual({ type: 'role', role: 'appMenu' });
  });

  it('puts the file commands on CmdOrCtrl+N, O and S, Save always enabled', () => {
    const file = items(submenu(buildMenuTemplate({ ...base, platform: 'win32' }), 'file'));
    expect(
      file.map(({ label, accelerator, enabled, action }) => ({
        label,
        accelerator,
        enabled,
        action,
      })),
    ).toEqual([
      {
        label: 'New Import',
        accelerator: 'CmdOrCtrl+N',
        enabled: true,
        action: { command: { type: 'new-import' } },
      },
      {
        label: 'Open…',
        accelerator: 'CmdOrCtrl+O',
        enabled: true,
        action: { command: { type: 'open-file' } },
      },
      {
        label: 'Save Batch…',
        accelerator: 'CmdOrCtrl+S',
        enabled: true,
        action: { command: { type: 'save-batch' } },
      },
    ]);
  });

  it('ends File with Exit on Windows, Quit on Linux and Close on macOS', () => {
    const last = (platform: NodeJS.Platform) =>
      submenu(buildMenuTemplate({ ...base, platform }), 'file').at(-1);
    expect(last('win32')).toEqual({ type: 'role', role: 'quit', label: 'E&xit' });
    expect(last('linux')).toEqual({ type: 'role', role: 'quit', label: '&Quit' });
    expect(last('darwin')).toEqual({ type: 'role', role: 'close' });
  });

  it('switches the four pages on CmdOrCtrl+1..4', () => {
    const view = items(submenu(buildMenuTemplate({ ...base, platform: 'linux' }), 'view'));
    expect(view.map((item) => [item.label, item.accelerator, item.action])).toEqual([
      ['Import', 'CmdOrCtrl+1', { command: { type: 'go', page: 'import' } }],
      ['Runs', 'CmdOrCtrl+2', { command: { type: 'go', page: 'runs' } }],
      ['Connections', 'CmdOrCtrl+3', { command: { type: 'go', page: 'connections' } }],
      ['Export', 'CmdOrCtrl+4', { command: { type: 'go', page: 'export' } }],
    ]);
  });

  it('keeps zoom and full screen in View, and DevTools only in development', () => {
    const roles = (isDev: boolean) =>
      submenu(buildMenuTemplate({ ...base, isDev, platform: 'linux' }), 'view').flatMap((node) =>
        node.type === 'role' ? [node.role] : [],
      );
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('lists recent files by name and folder, each opening its id, then Clear Recent', () => {
    const list = submenu(buildMenuTemplate({ ...base, recent, platform: 'linux' }), 'open-recent');
    expect(items(list).map(({ label, enabled, action }) => ({ label, enabled, action }))).toEqual([
      {
        label: 'hr.csv — exports',
        enabled: true,
        action: { command: { type: 'open-recent', id: 'r1' } },
      },
      { label: 'R&&D.xlsx', enabled: true, action: { command: { type: 'open-recent', id: 'r2' } } },
      { label: 'Clear Recent', enabled: true, action: { command: { type: 'clear-recent' } } },
    ]);
  });

  it('shows a disabled placeholder and a disabled Clear Recent when nothing is recent', () => {
    const list = items(submenu(buildMenuTemplate({ ...base, platform: 'linux' }), 'open-recent'));
    expect(list.map(({ label, enabled }) => [label, enabled])).toEqual([
      ['No recent files', false],
      ['Clear Recent', false],
    ]);
  });

  it('has About and the version in Help (macOS: About is in the app menu)', () => {
    const help = (platform: NodeJS.Platform) =>
      items(submenu(buildMenuTemplate({ ...base, platform }), 'help')).map((item) => [
        item.label,
        item.enabled,
      ]);
    expect(help('win32')).toEqual([
      ['About batchline', true],
      ['Version 1.2.3', false],
    ]);
    expect(help('darwin')).toEqual([['Version 1.2.3', false]]);
  });

  it('doubles & in labels except on macOS, so file names show as typed', () => {
    expect(menuLabel('R&D.csv', 'win32')).toBe('R&&D.csv');
    expect(menuLabel('R&D.csv', 'darwin')).toBe('R&D.csv');
  });
});
