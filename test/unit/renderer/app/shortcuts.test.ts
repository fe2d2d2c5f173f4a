import { describe, expect, it } from 'vitest';
import {
  onMac,
  shortcutCommand,
  shortcutLabel,
  takesTyping,
  type KeyPress,
} from '../../../../renderer/app/shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^\d$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const ctrl = (key: string, mods: Partial<KeyPress> = {}) => press(key, { ctrlKey: true, ...mods });

describe('keyboard shortcuts (browser mode)', () => {
  it('maps Ctrl+N, O, S and 1..4 to app commands', () => {
    expect(shortcutCommand(ctrl('n'), false)).toEqual({ type: 'new-import' });
    expect(shortcutCommand(ctrl('o'), false)).toEqual({ type: 'open-file' });
    expect(shortcutCommand(ctrl('s'), false)).toEqual({ type: 'save-batch' });
    expect(['1', '2', '3', '4'].map((key) => shortcutCommand(ctrl(key), false))).toEqual([
      { type: 'go', page: 'import' },
      { type: 'go', page: 'runs' },
      { type: 'go', page: 'connections' },
      { type: 'go', page: 'export' },
    ]);
  });

  it('uses Cmd on macOS and Ctrl elsewhere, never both', () => {
    expect(shortcutCommand(press('o', { metaKey: true }), true)).toEqual({ type: 'open-file' });
    expect(shortcutCommand(ctrl('o'), true)).toBeNull();
    expect(shortcutCommand(press('o', { metaKey: true }), false)).toBeNull();
    expect(shortcutCommand(ctrl('o', { metaKey: true }), false)).toBeNull();
  });

  it('leaves other keys, Shift and Alt combinations and IME composition alone', () => {
    expect(shortcutCommand(press('o'), false)).toBeNull();
    expect(shortcutCommand(ctrl('c'), false)).toBeNull();
    expect(shortcutCommand(ctrl('5'), false)).toBeNull();
    expect(shortcutCommand(ctrl('o', { shiftKey: true }), false)).toBeNull();
    expect(shortcutCommand(ctrl('2', { altKey: true }), false)).toBeNull();
    expect(shortcutCommand(ctrl('o', { isComposing: true }), false)).toBeNull();
  });

  it('finds the key by its place on layouts without Latin letters or digits', () => {
    expect(shortcutCommand(ctrl('щ', { code: 'KeyO' }), false)).toEqual({ type: 'open-file' });
    expect(shortcutCommand(ctrl('é', { code: 'Digit2' }), false)).toEqual({
      type: 'go',
      page: 'runs',
    });
  });

  it('stands back in fields that take typing', () => {
    expect(takesTyping({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(takesTyping({ tagName: 'input' })).toBe(true);
    expect(takesTyping({ tagName: 'TEXTAREA' })).toBe(true);
    expect(takesTyping({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(takesTyping({ tagName: 'INPUT', type: 'file' })).toBe(false);
    expect(takesTyping({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(takesTyping({ tagName: 'SELECT' })).toBe(false);
    expect(takesTyping({ tagName: 'BUTTON' })).toBe(false);
    expect(takesTyping(null)).toBe(false);
  });

  it('labels shortcuts the platform way', () => {
    expect(shortcutLabel('2', false)).toBe('Ctrl+2');
    expect(shortcutLabel('o', true)).toBe('⌘O');
    expect(onMac({ platform: 'MacIntel' })).toBe(true);
    expect(onMac({ platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; Linux)' })).toBe(false);
  });
});
