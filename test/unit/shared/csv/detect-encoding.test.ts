import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countReplacementChars, decodeText } from '../../../../shared/csv/decode-text';
import { detectEncoding } from '../../../../shared/csv/detect-encoding';
import { decodeWindows1252 } from '../../../../shared/csv/windows-1252';

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../../../fixtures/csv/${name}`, import.meta.url));
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));

describe('detectEncoding', () => {
  it('reports the BOM and its length, as certain', () => {
    expect(detectEncoding(fixture('utf8-bom.csv'))).toEqual({
      encoding: 'utf-8',
      guessed: false,
      bomLength: 3,
    });
    expect(detectEncoding(fixture('utf16le-tab.txt'))).toEqual({
      encoding: 'utf-16le',
      guessed: false,
      bomLength: 2,
    });
  });

  it('guesses BOM-less UTF-16 also with CJK names, whose units can have a NUL low byte', () => {
    const text = 'email\tname\r\nli@example.com\t一丁\r\nwang@example.com\t王一\r\n';
    expect(detectEncoding(utf16le(text))).toMatchObject({ encoding: 'utf-16le', guessed: true });
    expect(decodeText(utf16le(text)).text).toBe(text);
  });

  it('does not take 8-bit text with an occasional NUL for UTF-16', () => {
    const bytes = new TextEncoder().encode('email,name\nzoe@example.com,Zoe\n');
    bytes[5] = 0;
    expect(detectEncoding(bytes).encoding).toBe('utf-8');
  });

  it('accepts a UTF-8 prefix cut inside a character when told the bytes are incomplete', () => {
    const bytes = new TextEncoder().encode('name\nZoë');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(detectEncoding(cut, false)).toEqual({ encoding: 'utf-8', guessed: false, bomLength: 0 });
    expect(detectEncoding(cut, true).guessed).toBe(true);
  });

  it('keeps mostly-valid UTF-8 with one stray cp1252 byte as UTF-8, guessed', () => {
    const decoded = decodeText(fixture('utf8-damaged.csv'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', guessed: true });
    expect(decoded.text).toContain('Zoë');
    expect(countReplacementChars(decoded.text)).toBe(1);
  });

  it('falls back to windows-1252 when the high bytes are not UTF-8 at all', () => {
    expect(detectEncoding(fixture('cp1252.csv'))).toEqual({
      encoding: 'windows-1252',
      guessed: true,
      bomLength: 0,
    });
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80-0x9F as WHATWG does (what Node 20 TextDecoder gets wrong)', () => {
    const high = new Uint8Array(32).map((_, i) => 0x80 + i);
    expect(decodeWindows1252(high)).toBe(
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ',
    );
  });

  it('maps every other byte to the same code point, in chunks bigger than one', () => {
    const bytes = new Uint8Array(20_000).map((_, i) => (i % 2 === 0 ? 0xe9 : 0x41));
    const text = decodeWindows1252(bytes);
    expect(text).toHaveLength(20_000);
    expect(text.slice(0, 4)).toBe('éAéA');
  });
});

describe('countReplacementChars', () => {
  it('counts U+FFFD, the mark of bytes an encoding could not read', () => {
    expect(countReplacementChars('Jos\uFFFD M\uFFFDller')).toBe(2);
    expect(countReplacementChars('José')).toBe(0);
  });
});
