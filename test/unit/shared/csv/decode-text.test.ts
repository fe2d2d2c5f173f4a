import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../../../fixtures/csv/${name}`, import.meta.url));

describe('decodeText', () => {
  it('strips a UTF-8 BOM and reports utf-8 as certain', () => {
    const decoded = decodeText(fixture('utf8-bom.csv'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', guessed: false });
    expect(decoded.text.startsWith('email,')).toBe(true);
    expect(decoded.text).not.toContain('\uFEFF');
  });

  it('decodes UTF-16LE by its BOM to the same text as the UTF-8 fixture, tabs for commas', () => {
    const utf16 = decodeText(fixture('utf16le-tab.txt'));
    const utf8 = decodeText(fixture('utf8-bom.csv'));
    expect(utf16).toMatchObject({ encoding: 'utf-16le', guessed: false });
    expect(utf16.text).toBe(utf8.text.replace(/,/g, '\t'));
  });

  it('decodes UTF-16BE by its BOM', () => {
    const bytes = new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0x2c, 0x00, 0xe9]);
    expect(decodeText(bytes)).toEqual({ text: 'a,é', encoding: 'utf-16be', guessed: false });
  });

  it('falls back to windows-1252 when strict UTF-8 fails, and says it guessed', () => {
    const decoded = decodeText(fixture('cp1252.csv'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', guessed: true });
    expect(decoded.text).toContain('José,Müller');
    expect(decoded.text).toContain('Zoë,Ångström – €');
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reads UTF-8 without a BOM as utf-8, not guessed', () => {
    const decoded = decodeText(new TextEncoder().encode('email\nzoë@example.com\n'));
    expect(decoded).toEqual({
      text: 'email\nzoë@example.com\n',
      encoding: 'utf-8',
      guessed: false,
    });
  });

  it('recognises BOM-less UTF-16LE by its NUL bytes, as a guess', () => {
    const text = 'email\tname\r\na@example.com\tA\r\n';
    const bytes = new Uint8Array(text.length * 2);
    [...text].forEach((ch, i) => (bytes[i * 2] = ch.charCodeAt(0)));
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le', guessed: true });
  });

  it('lets the caller force an encoding, still stripping that encoding’s BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x4a, 0x6f, 0x73, 0xc3, 0xa9]);
    expect(decodeText(bytes, 'windows-1252').text).toBe('ï»¿JosÃ©');
    expect(decodeText(bytes, 'utf-8')).toEqual({ text: 'José', encoding: 'utf-8', guessed: false });
  });

  it('returns empty text for no bytes', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', guessed: false });
  });
});
