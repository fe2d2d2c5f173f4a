// Any UTF-16 code unit a one-byte (Latin-1) V8 string cannot hold.
const WIDE = /[\u0100-\uffff]/;

/** Whether a text has characters beyond Latin-1, which make V8 store it two bytes a char. */
export function isWide(text: string): boolean {
  return WIDE.test(text);
}

/**
 * The same text stored one byte a character when it can be.
 *
 * V8 stores a string two bytes a character when it was cut from a two-byte string, and a
 * decoded 64 KiB piece with one CJK name in it is two-byte: every row cut from it would be
 * kept at twice its size. Copying a row that only has Latin-1 characters through a latin1
 * Buffer gives a one-byte string: 1M rows kept for review took ~100 MB less. Only worth
 * calling on text cut from a wide piece; anything wider than Latin-1 is returned as is.
 */
export function compactText(text: string): string {
  return WIDE.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/**
 * Which rows to compact while streaming: rows are cut from the text parsed with the last
 * piece (and the record carried over from the piece before), so only rows read while either
 * was wide need the copy; a file of Latin-1 text costs nothing.
 */
export function wideTracker(): { piece: (text: string) => void; keep: (row: string) => string } {
  let previous = false;
  let current = false;
  return {
    piece: (text) => {
      previous = current;
      current = isWide(text);
    },
    keep: (row) => (current || previous ? compactText(row) : row),
  };
}
