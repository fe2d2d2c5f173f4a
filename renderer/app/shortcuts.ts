import type { AppCommand, AppPage } from '../../shared/ipc/app-commands';

/** The parts of a KeyboardEvent the shortcuts read (a plain object in tests). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/** The parts of the focused element that decide whether it takes typing. */
export interface FocusTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

/** The pages on Ctrl/Cmd+1..4, in the native menu's order. */
export const PAGE_KEYS: readonly AppPage[] = ['import', 'runs', 'connections', 'export'];

/** Input types that take no typing, so the app's shortcuts may act while one has focus. */
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/**
 * Whether the focused element takes typing (text fields, text areas, editable cells):
 * there every key is the field's, so the app's shortcuts stand back.
 */
export function takesTyping(target: FocusTarget | null): boolean {
  if (target === null) {
    return false;
  }
  if (target.isContentEditable === true) {
    return true;
  }
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA') {
    return true;
  }
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

/** The page a digit key names (top row or keypad), if any. */
function pageOf(press: KeyPress): AppPage | undefined {
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(press.code)?.[1] ?? press.key;
  const index = Number(digit) - 1;
  return Number.isInteger(index) && index >= 0 ? PAGE_KEYS[index] : undefined;
}

/**
 * The app command a key press means in browser mode (the desktop app's menu owns the same
 * keys there): Ctrl+N new import, Ctrl+O open, Ctrl+S save batch, Ctrl+1..4 the pages;
 * Cmd instead of Ctrl on macOS. Null for anything else, with Shift or Alt held, or while
 * an input method is composing.
 */
export function shortcutCommand(press: KeyPress, isMac: boolean): AppCommand | null {
  const primary = isMac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!primary || press.altKey || press.shiftKey || press.isComposing === true) {
    return null;
  }
  // The letter as typed; on layouts without Latin letters (Cyrillic, Greek), the key's place.
  const letter = /^[a-z]$/i.test(press.key) ? press.key : press.code.replace(/^Key/, '');
  switch (letter.toLowerCase()) {
    case 'n':
      return { type: 'new-import' };
    case 'o':
      return { type: 'open-file' };
    case 's':
      return { type: 'save-batch' };
  }
  const page = pageOf(press);
  return page ? { type: 'go', page } : null;
}

/** The label of a shortcut for tooltips: "Ctrl+2", or "⌘2" on macOS. */
export function shortcutLabel(key: string, isMac: boolean): string {
  return isMac ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`;
}

/** Whether the renderer runs on macOS (Cmd shortcuts), from what the browser tells. */
export function onMac(nav: { platform?: string; userAgent?: string }): boolean {
  return /Mac|iPhone|iPad/i.test(nav.platform ?? '') || /Mac OS X/i.test(nav.userAgent ?? '');
}
