import { AppError } from '../../../../shared/errors';

/**
 * The longest piece of XML a scanner may need whole: a cell (32,767 characters of text at
 * most in Excel, plus a formula) or a shared string. Past it the file is not a workbook
 * Excel wrote, and carrying it over chunk after chunk would grow without end.
 */
const MAX_CARRY = 4 * 1024 * 1024;

/**
 * Feeds XML text chunks to `scan`, which returns how far it got; what it could not finish
 * (an element cut by the chunk boundary) is put in front of the next chunk.
 *
 * Throws PARSE_FAILED when an element is larger than any Excel writes, or when the text
 * ends in the middle of one (a damaged part).
 */
export async function scanXmlChunks(
  chunks: AsyncIterable<string>,
  scan: (text: string) => number,
  fileName: string,
  part: string,
): Promise<void> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry === '' ? chunk : carry + chunk;
    const used = scan(text);
    carry = used >= text.length ? '' : text.slice(used);
    if (carry.length > MAX_CARRY) {
      throw new AppError(
        'PARSE_FAILED',
        `Cannot read ${fileName}: ${part} holds an element larger than Excel writes (over ${MAX_CARRY / 1024 / 1024} MB); the file is damaged or crafted`,
      );
    }
  }
  if (carry.trim() !== '') {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: ${part} ends in the middle of an element; the file is damaged`,
    );
  }
}

/**
 * The namespace prefix of the document's root element (`x:` for `<x:worksheet>`, usually
 * none), and where the root tag ends; undefined while the root tag is not complete yet.
 */
export function rootElement(text: string): { prefix: string; end: number } | undefined {
  let pos = 0;
  for (;;) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      return undefined;
    }
    const gt = text.indexOf('>', lt);
    if (gt < 0) {
      return undefined;
    }
    const next = text.charCodeAt(lt + 1);
    if (next !== 63 && next !== 33) {
      const name = /^<([^\s/>]+)/.exec(text.slice(lt, gt + 1))?.[1] ?? '';
      const colon = name.indexOf(':');
      return { prefix: colon < 0 ? '' : name.slice(0, colon + 1), end: gt + 1 };
    }
    pos = gt + 1;
  }
}

/** Whether the character code ends an element name: space, tab, newline, `/` or `>`. */
export function endsName(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** Whether an element named `name` (after `prefix`) opens at `lt` (`<x:name` followed by an end). */
export function opensElement(text: string, lt: number, prefix: string, name: string): boolean {
  const at = lt + 1 + prefix.length;
  return (
    (prefix === '' || text.startsWith(prefix, lt + 1)) &&
    text.startsWith(name, at) &&
    endsName(text.charCodeAt(at + name.length))
  );
}

/**
 * The plain text of a rich string (`<si>` or `<is>` content between `start` and `end`):
 * every `<t>` run joined, leaving out `<rPh>` phonetic guides (Japanese readings Excel
 * stores beside the text but does not show in the cell). Entities are still encoded.
 */
export function richText(text: string, start: number, end: number, prefix: string): string {
  let out = '';
  let pos = start;
  for (;;) {
    const lt = text.indexOf('<', pos);
    if (lt < 0 || lt >= end) {
      return out;
    }
    const gt = text.indexOf('>', lt);
    if (gt < 0 || gt >= end) {
      return out;
    }
    if (opensElement(text, lt, prefix, 'rPh')) {
      const close = text.indexOf(`</${prefix}rPh>`, gt);
      pos = close < 0 || close >= end ? end : close;
      continue;
    }
    if (opensElement(text, lt, prefix, 't') && text.charCodeAt(gt - 1) !== 47) {
      const next = text.indexOf('<', gt + 1);
      const stop = next < 0 || next > end ? end : next;
      out += text.slice(gt + 1, stop);
      pos = stop;
      continue;
    }
    pos = gt + 1;
  }
}
