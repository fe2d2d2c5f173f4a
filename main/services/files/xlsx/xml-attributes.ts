import { attr } from './xml-text';

/** The `t` of a cell: how its value is stored. */
export type CellType = 'n' | 's' | 'str' | 'inlineStr' | 'b' | 'e' | 'd';

const TRICKY_ATTRIBUTES = /['\t\n\r]/;

/**
 * An attribute of a tag's attribute text (what follows the name): the `name="value"` form
 * every spreadsheet writer uses is found fast; single quotes and line breaks go through attr.
 */
export function fastAttr(attributes: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = attributes.indexOf(key);
  if (at >= 0) {
    const start = at + key.length;
    const end = attributes.indexOf('"', start);
    return attributes.slice(start, end < 0 ? attributes.length : end);
  }
  return TRICKY_ATTRIBUTES.test(attributes) ? attr(` ${attributes}`, name) : undefined;
}

/** The cell type written between `start` and `end`, without slicing it; unknown types are numbers. */
export function typeOf(text: string, start: number, end: number): CellType {
  const first = text.charCodeAt(start);
  switch (end - start) {
    case 1:
      return first === 115
        ? 's'
        : first === 98
          ? 'b'
          : first === 101
            ? 'e'
            : first === 100
              ? 'd'
              : 'n';
    case 3:
      return first === 115 ? 'str' : 'n';
    case 9:
      return first === 105 ? 'inlineStr' : 'n';
    default:
      return 'n';
  }
}

/** Whether a character code is XML whitespace. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
