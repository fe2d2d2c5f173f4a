import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';
import { detectDelimiter } from '../../../../shared/csv/detect-delimiter';
import { parseCsv } from '../../../../shared/csv/parse-csv';

const read = (name: string) =>
  parseCsv(
    decodeText(readFileSync(new URL(`../../../fixtures/csv/${name}`, import.meta.url))).text,
    name,
  );

describe('parseCsv', () => {
  it('reads a UTF-8 BOM file with the header exactly "email" and no BOM anywhere', () => {
    const table = read('utf8-bom.csv');
    expect(table.headers).toEqual(['email', 'first_name', 'last_name']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['alice@example.com', 'Alice', 'Ng'] },
      { row: 3, cells: ['bob@example.com', 'Bob', 'Ortiz'] },
    ]);
    expect(JSON.stringify(table)).not.toContain('\uFEFF');
  });

  it('strips a BOM left in the text itself', () => {
    expect(parseCsv('\uFEFFemail\nx@example.com\n', 'a.csv').headers).toEqual(['email']);
  });

  it('detects tab in UTF-16 "Unicode Text" and gives the same rows as the UTF-8 file', () => {
    const tab = read('utf16le-tab.txt');
    expect(tab.delimiter).toBe('\t');
    expect(tab.headers).toEqual(read('utf8-bom.csv').headers);
    expect(tab.rows).toEqual(read('utf8-bom.csv').rows);
  });

  it('detects ";" on a two-column file with decimal commas, never one column', () => {
    const table = read('semicolon-two-columns.csv');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['name', 'amount']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Widget', '1,5'],
      ['Gadget', '2,25'],
      ['Gizmo', '10'],
    ]);
    expect(table.issues).toEqual([]);
    expect(table.skippedEmpty).toBe(0);
  });

  it('detects "|" and honours a delimiter given by the caller', () => {
    expect(read('pipe-delimited.csv').delimiter).toBe('|');
    const forced = parseCsv('a;b,c\n1;2,3\n', 'x.csv', { delimiter: ',' });
    expect(forced.headers).toEqual(['a;b', 'c']);
  });

  it('keeps a quoted CRLF and "" escapes in one record, numbering rows by the line they start on', () => {
    const table = read('quoted-crlf.csv');
    expect(table.rows).toEqual([
      { row: 2, cells: ['alice@example.com', 'line one\r\nline "two"', '101'] },
      { row: 4, cells: ['bob@example.com', 'plain', '102'] },
    ]);
    expect(table.issues).toEqual([]);
  });

  it('reports short rows and long rows with content as RAGGED_ROW errors naming the extra cells', () => {
    const table = read('ragged.csv');
    expect(table.rows).toHaveLength(5);
    const byRow = new Map(table.issues.map((i) => [i.row, i]));
    expect(byRow.get(3)).toMatchObject({ code: 'RAGGED_ROW', severity: 'error', column: null });
    expect(byRow.get(3)?.message).toContain(
      'Row 3 has 5 cells, expected 6 (the header has 6 columns)',
    );
    expect(byRow.get(5)?.severity).toBe('error');
    expect(byRow.get(5)?.message).toContain('Row 5 has 8 cells, expected 6');
    expect(byRow.get(5)?.message).toContain("column 7 'stray', column 8 'also stray'");
    expect(byRow.get(4)).toBeUndefined();
  });

  it('only warns about long rows whose extra cells are empty (trailing delimiters)', () => {
    const issue = read('ragged.csv').issues.find((i) => i.row === 6);
    expect(issue).toMatchObject({ severity: 'warning', code: 'RAGGED_ROW' });
    expect(issue?.message).toContain('extra cells are empty');
  });

  it('skips and counts blank and ",,,," rows, without errors', () => {
    const table = read('trailing-blank-rows.csv');
    expect(table.rows.map((r) => r.row)).toEqual([2, 6]);
    expect(table.skippedEmpty).toBe(6);
    expect(table.issues).toEqual([]);
  });

  it('does not count blank lines above the header, and uses the header line as headerRow', () => {
    const table = parseCsv('\n\r\nemail\nx@example.com\n', 'a.csv');
    expect(table).toMatchObject({ headerRow: 3, headers: ['email'], skippedEmpty: 0 });
    expect(table.rows).toEqual([{ row: 4, cells: ['x@example.com'] }]);
  });

  it('never types values: "0012", "+14155550100" and "1001" stay text', () => {
    const table = parseCsv('a,b,c\n0012,+14155550100,1001\n', 'a.csv');
    expect(table.rows[0]?.cells).toEqual(['0012', '+14155550100', '1001']);
  });

  it('keeps duplicate headers as they are (no email_1)', () => {
    expect(read('duplicate-headers.csv').headers).toEqual([
      'email',
      'first_name',
      'email',
      'Last Name',
      'last_name',
    ]);
  });

  it('reports an unterminated quote as an error on the row where it opens', () => {
    const table = read('unterminated-quote.csv');
    const issue = table.issues.find((i) => i.code === 'UNTERMINATED_QUOTE');
    expect(issue).toMatchObject({ row: 3, severity: 'error' });
    expect(issue?.message).toContain('Row 3 opens a quoted cell that is never closed');
    expect(issue?.message).toContain('lines 3-4');
    expect(table.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('reports text after a closing quote as MALFORMED_QUOTE', () => {
    const table = parseCsv('a,b\n"x"y,2\n', 'a.csv');
    expect(table.issues[0]).toMatchObject({ row: 2, severity: 'error' });
  });

  it('returns no rows, and no error, for an empty or header-only text', () => {
    expect(parseCsv('', 'empty.csv')).toMatchObject({
      headers: [],
      rows: [],
      issues: [],
      skippedEmpty: 0,
    });
    expect(read('header-only.csv')).toMatchObject({
      headers: ['email', 'first_name', 'last_name'],
      rows: [],
    });
  });

  it('numbers lines in files that end lines with a lone CR', () => {
    const table = parseCsv('a,b\r1,2\r\r3,4\r', 'mac.csv');
    expect(table.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('removes the apostrophe batchline puts before formula characters, and only that one', () => {
    const table = parseCsv("a,b,c\n'=1+1,'+14155550100,O'Brien\n'hello,'@x,\"'-\n'\"\n", 'a.csv');
    expect(table.rows[0]?.cells).toEqual(['=1+1', '+14155550100', "O'Brien"]);
    expect(table.rows[1]?.cells).toEqual(["'hello", '@x', "-\n'"]);
  });
});

describe('detectDelimiter', () => {
  it('prefers the candidate whose header count recurs in most rows', () => {
    expect(detectDelimiter('Last, First;Amount\nSmith, John;1,5\nDoe, Jane;2\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n"x,y"\t2\n')).toBe('\t');
  });

  it('ignores delimiters inside quotes, even across lines', () => {
    expect(detectDelimiter('a;b\n"1,\n2,3";4\n')).toBe(';');
  });

  it('falls back to "," for a single column or empty text', () => {
    expect(detectDelimiter('email\nx@example.com\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});
