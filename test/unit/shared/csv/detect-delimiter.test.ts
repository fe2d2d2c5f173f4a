import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';
import { detectDelimiter } from '../../../../shared/csv/detect-delimiter';

const text = (name: string): string =>
  decodeText(readFileSync(new URL(`../../../fixtures/csv/${name}`, import.meta.url))).text;

describe('detectDelimiter over the whole first block', () => {
  it('finds ";" in the two-column decimal-comma fixture with its trailing newline (#4)', () => {
    expect(text('semicolon-two-columns.csv').endsWith('\n')).toBe(true);
    expect(detectDelimiter(text('semicolon-two-columns.csv'))).toBe(';');
  });

  it('is not swayed by title rows without delimiters above the header', () => {
    expect(detectDelimiter(text('title-rows-metadata.csv'))).toBe(';');
    expect(
      detectDelimiter('Staff list\nGenerated 2026-11-01, 14:00\nname;amount\nA;1,5\nB;2\n'),
    ).toBe(';');
    expect(detectDelimiter(text('title-rows.csv'))).toBe(',');
  });

  it('finds tab and pipe, and prefers more columns when two candidates are equally regular', () => {
    expect(detectDelimiter(text('utf16le-tab.txt'))).toBe('\t');
    expect(detectDelimiter(text('pipe-delimited.csv'))).toBe('|');
    expect(detectDelimiter('a,b;c,d\n1,2;3,4\n')).toBe(',');
  });
});
