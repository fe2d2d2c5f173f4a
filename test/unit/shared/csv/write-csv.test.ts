import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';
import {
  isFormulaLike,
  neutraliseFormula,
  unneutraliseFormula,
} from '../../../../shared/csv/formula-escape';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import Papa from 'papaparse';
import { csvChunks, csvLine, toCsv } from '../../../../shared/csv/write-csv';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('\uFEFFa,b\r\n1,2\r\n');
  });

  it('quotes cells holding commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    const csv = toCsv(['x'], [['a,b'], ['say "hi"'], ['two\nlines'], ['cr\rhere'], ['plain']]);
    expect(csv).toBe('\uFEFFx\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\nplain\r\n');
  });

  it('prefixes an apostrophe to every formula-like cell, multi-line ones and headers included', () => {
    const csv = toCsv(
      ['=H'],
      [
        ['=HYPERLINK("http://evil.example/")'],
        ['+1-2'],
        ['-5'],
        ['@SUM(A1)'],
        ['\tTab'],
        ['\rCR'],
        ['=1+1\nsecond'],
      ],
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe("'=H");
    expect(lines[1]).toBe('"\'=HYPERLINK(""http://evil.example/"")"');
    expect(lines[2]).toBe("'+1-2");
    expect(lines[3]).toBe("'-5");
    expect(lines[4]).toBe("'@SUM(A1)");
    expect(lines[5]).toBe("'\tTab");
    expect(csv).toContain('"\'\rCR"');
    expect(csv).toContain('"\'=1+1\nsecond"');
  });

  it('neutralises phone numbers starting with + too, uniformly', () => {
    expect(toCsv(['phone'], [['+14155550100']])).toBe("\uFEFFphone\r\n'+14155550100\r\n");
  });

  it('writes missing cells of a short row as empty', () => {
    expect(toCsv(['a', 'b'], [[]])).toBe('\uFEFFa,b\r\n\r\n');
  });
});

describe('csvChunks', () => {
  it('gives the BOM and header first, then records in chunks that join to toCsv', () => {
    const rows = Array.from({ length: 1234 }, (_, i) => [String(i), i % 3 === 0 ? '=x' : 'y']);
    const chunks = [...csvChunks(['n', 'v'], rows, 500)];
    expect(chunks[0]).toBe('\uFEFFn,v\r\n');
    expect(chunks).toHaveLength(1 + 3);
    expect(chunks.join('')).toBe(toCsv(['n', 'v'], rows));
    expect(chunks.slice(1).every((chunk) => chunk.endsWith('\r\n'))).toBe(true);
  });

  it('takes any iterable, a generator included, and writes a header-only file for no rows', () => {
    function* rows(): Generator<string[]> {
      yield ['1'];
      yield ['2'];
    }
    expect(toCsv(['n'], rows())).toBe('\uFEFFn\r\n1\r\n2\r\n');
    expect(toCsv(['n'], [])).toBe('\uFEFFn\r\n');
  });
});

describe('formula neutralisation edge cases', () => {
  const cell = (value: string) => csvLine([value]);

  it('neutralises multi-line values whatever the line ending, quoting them', () => {
    expect(cell('=1+1\nsecond')).toBe('"\'=1+1\nsecond"');
    expect(cell('=1+1\r\nsecond')).toBe('"\'=1+1\r\nsecond"');
    expect(cell('@x\r')).toBe('"\'@x\r"');
  });

  it('neutralises a leading TAB or CR, the characters some importers skip first', () => {
    expect(cell('\t=cmd')).toBe("'\t=cmd");
    expect(cell('\rCarriage')).toBe('"\'\rCarriage"');
  });

  it('neutralises + and - phone numbers and negative numbers, and a leading @', () => {
    expect(cell('+14155550100')).toBe("'+14155550100");
    expect(cell('-5')).toBe("'-5");
    expect(cell('-')).toBe("'-");
    expect(cell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(cell('@')).toBe("'@");
  });

  it('leaves formula characters that are not first alone, and data apostrophes too', () => {
    expect(cell('a=b')).toBe('a=b');
    expect(cell('Alice\n=1+1')).toBe('"Alice\n=1+1"');
    expect(cell("O'Brien")).toBe("O'Brien");
    expect(cell('(415) 555-0100')).toBe('(415) 555-0100');
  });

  it('doubles quotes inside a neutralised cell (=HYPERLINK with quoted arguments)', () => {
    expect(cell('=HYPERLINK("http://x/","y")')).toBe('"\'=HYPERLINK(""http://x/"",""y"")"');
  });

  it("catches what papaparse's escapeFormulae misses: values with a line break", () => {
    const value = '=1+1\nsecond line';
    const papa = Papa.unparse([[value]], { escapeFormulae: true, header: false });
    expect(papa.startsWith('"=1+1')).toBe(true);
    expect(toCsv(['x'], [[value]])).toContain('"\'=1+1\nsecond line"');
  });
});

describe('formula escaping', () => {
  it('recognises = + - @ TAB and CR as the first character only', () => {
    expect(['=a', '+a', '-a', '@a', '\ta', '\ra'].every(isFormulaLike)).toBe(true);
    expect(['a=b', "'=a", ' =a', '', '1'].some(isFormulaLike)).toBe(false);
  });

  it('round-trips every value through neutralise and unneutralise', () => {
    for (const value of [
      '=1',
      '+1',
      "'=1",
      "''@x",
      "O'Brien",
      "'",
      "'hello",
      '',
      'plain',
      '-',
      '@',
    ]) {
      expect(unneutraliseFormula(neutraliseFormula(value))).toBe(value);
    }
  });
});

describe('CSV round trip', () => {
  it('re-imports the formula-payload fixture exactly as it was exported', () => {
    const bytes = readFileSync(
      new URL('../../../fixtures/csv/formula-payloads.csv', import.meta.url),
    );
    const original = parseCsv(decodeText(bytes).text, 'formula-payloads.csv');
    expect(original.rows.map((r) => r.cells[1])).toEqual([
      '=HYPERLINK("http://evil.example/","click")',
      '+1-2',
      '@SUM(A1:A9)',
      '\tTabbed',
      '=1+1\nsecond line',
      '-5',
      '\rCarriage',
      "O'Brien",
    ]);
    const exported = toCsv(
      original.headers,
      original.rows.map((r) => r.cells),
    );
    for (const line of exported.slice(1).split('\r\n').slice(1, -1)) {
      expect(isFormulaLike(line.split(',')[1]?.replace(/^"/, '') ?? '')).toBe(false);
    }
    const again = parseCsv(decodeText(new TextEncoder().encode(exported)).text, 'again.csv');
    expect(again.headers).toEqual(original.headers);
    expect(again.rows.map((r) => r.cells)).toEqual(original.rows.map((r) => r.cells));
    expect(again.issues).toEqual([]);
  });
});
