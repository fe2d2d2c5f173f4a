import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { fieldNames } from '../../../../shared/mapping/hr-synonyms';
import { hasBlockingIssues, suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import type { SourceTable } from '../../../../shared/table/source-table';
import { validateTable } from '../../../../shared/validation/validate-table';

// One test per BAD-INPUTS.md case 1-9, each on its fixture under test/fixtures/csv, read the
// way the app reads an upload: decodeText, then parseCsv with the dataset's field names.
const zoom = createZoomUsersDataset();
const bytes = (name: string): Uint8Array =>
  readFileSync(new URL(`../../../fixtures/csv/${name}`, import.meta.url));
const read = (name: string): SourceTable => {
  const decoded = decodeText(bytes(name));
  return {
    ...parseCsv(decoded.text, name, { headerHints: fieldNames(zoom) }),
    encoding: decoded.encoding,
  };
};
const validate = (table: SourceTable) =>
  validateTable(table, zoom, suggestMapping(table.headers, zoom).mapping);

describe('BAD-INPUTS cases 1-9 on their fixtures', () => {
  it('#1 UTF-8 BOM (Excel "CSV UTF-8"): header `email` matches exactly, no U+FEFF anywhere', () => {
    const table = read('utf8-bom.csv');
    expect(table.headers[0]).toBe('email');
    expect(suggestMapping(table.headers, zoom).mapping.email).toBe('email');
    expect(JSON.stringify(table)).not.toContain('\uFEFF');
  });

  it('#2 UTF-16LE with BOM, tabs ("Unicode Text"): decoded, tab detected, rows as in UTF-8', () => {
    const utf16 = read('utf16le-tab.txt');
    const utf8 = read('utf8-bom.csv');
    expect(utf16).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(utf16.headers).toEqual(utf8.headers);
    expect(utf16.rows).toEqual(utf8.rows);
  });

  it('#2 also without a BOM, in either byte order: recognised by the NUL pattern, as a guess', () => {
    const utf8 = read('utf8-bom.csv');
    for (const [name, encoding] of [
      ['utf16le-no-bom.txt', 'utf-16le'],
      ['utf16be-no-bom.txt', 'utf-16be'],
    ] as const) {
      expect(decodeText(bytes(name))).toMatchObject({ encoding, guessed: true });
      const table = read(name);
      expect(table.delimiter).toBe('\t');
      expect(table.rows).toEqual(utf8.rows);
    }
  });

  it('#3 Windows-1252 `José Müller`: strict UTF-8 fails → cp1252, guessed, no U+FFFD', () => {
    const decoded = decodeText(bytes('cp1252.csv'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', guessed: true });
    expect(decoded.text).not.toContain('\uFFFD');
    const table = read('cp1252.csv');
    expect(table.rows[0]?.cells.slice(1)).toEqual(['José', 'Müller']);
    expect(table.rows[1]?.cells.slice(1)).toEqual(['Zoë', 'Ångström – €']);
  });

  it('#3 overridable: forcing UTF-8 shows the damage, forcing cp1252 back is not a guess', () => {
    const asUtf8 = decodeText(bytes('cp1252.csv'), 'utf-8');
    expect(asUtf8).toMatchObject({ encoding: 'utf-8', guessed: false });
    expect(asUtf8.text).toContain('Jos\uFFFD,M\uFFFDller');
    expect(decodeText(bytes('cp1252.csv'), 'windows-1252')).toMatchObject({
      encoding: 'windows-1252',
      guessed: false,
    });
  });

  it('#4 two `;` columns, decimal commas, trailing newline: `;`, never one column', () => {
    const table = read('semicolon-two-columns.csv');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['name', 'amount']);
    expect(table.rows.every((row) => row.cells.length === 2)).toBe(true);
    expect(table.rows[0]?.cells).toEqual(['Widget', '1,5']);
    expect(table.issues).toEqual([]);
  });

  it('#5 quoted CRLF and "" escapes: one record; its errors cite its first line', () => {
    const table = read('quoted-crlf.csv');
    expect(table.rows.map((row) => row.row)).toEqual([2, 4]);
    expect(table.rows[0]?.cells[1]).toBe('line one\r\nline "two"');
    // calling_plans is required and absent, so every row has an error: on lines 2 and 4.
    const rowsWithErrors = validate(table).issues.map((issue) => issue.row);
    expect([...new Set(rowsWithErrors)]).toEqual([2, 4]);
  });

  it('#6 ragged rows: "expected N, got M" errors, extra cells named, never given a payload', () => {
    const table = read('ragged.csv');
    const result = validate(table);
    const byRow = new Map(result.rows.map((row) => [row.row, row]));
    expect(byRow.get(3)?.issues[0]?.message).toContain('Row 3 has 5 cells, expected 6');
    expect(byRow.get(5)?.issues[0]?.message).toContain("column 7 'stray', column 8 'also stray'");
    expect(byRow.get(3)?.payload).toBeUndefined();
    expect(byRow.get(5)?.payload).toBeUndefined();
    // Empty extra cells are only a warning: the row still goes.
    expect(byRow.get(6)?.payload).toBeDefined();
    expect(result.counts).toMatchObject({ total: 5, invalid: 2, valid: 3 });
  });

  it('#7 duplicate header `email,email`: blocking before mapping, named, no `email_1`', () => {
    const table = read('duplicate-headers.csv');
    expect(table.headers).not.toContain('email_1');
    const { issues } = suggestMapping(table.headers, zoom);
    const duplicates = issues.filter((issue) => issue.code === 'DUPLICATE_HEADER');
    expect(duplicates.map((issue) => issue.header)).toEqual(['email', 'Last Name']);
    expect(duplicates[0]?.message).toContain('"email" appears 2 times (columns 1, 3)');
    expect(hasBlockingIssues(issues)).toBe(true);
  });

  it('#8 header variants (` Email `, NBSP, `E-mail`, case) map; a missing required column blocks', () => {
    const { mapping, issues } = suggestMapping(read('header-variants.csv').headers, zoom);
    expect(mapping).toMatchObject({
      email: ' Email ',
      first_name: 'First\u00a0Name',
      last_name: 'SURNAME',
      extension_number: 'Ext.',
    });
    // "E-mail" fits email too, but the closer spelling won and one field reads one column.
    expect(Object.values(mapping)).not.toContain('E-mail');
    expect(hasBlockingIssues(issues)).toBe(false);
    const withoutPlan = suggestMapping(['Email', 'Ext'], zoom).issues;
    expect(withoutPlan).toContainEqual(
      expect.objectContaining({ code: 'REQUIRED_UNMAPPED', field: 'calling_plans' }),
    );
    expect(hasBlockingIssues(withoutPlan)).toBe(true);
  });

  it('#9 trailing blank and `,,,,` rows: counted as skipped, no errors, never pushed', () => {
    const table = read('trailing-blank-rows.csv');
    expect(table.rows.map((row) => row.row)).toEqual([2, 6]);
    expect(table.skippedEmpty).toBe(6);
    expect(table.issues).toEqual([]);
    const result = validate(table);
    expect(result.counts.total).toBe(2);
    expect(result.issues).toEqual([]);
  });
});

describe('title rows above the header (DESIGN.md, Read)', () => {
  it('skips a title, a "Generated" line and a blank row; rows keep their real line numbers', () => {
    const table = read('title-rows.csv');
    expect(table.headerRow).toBe(4);
    expect(table.headers).toEqual([
      'Work Email',
      'Given Name',
      'Surname',
      'Ext',
      'Calling Plan',
      'Site',
    ]);
    expect(table.rows.map((row) => row.row)).toEqual([5, 6, 7]);
    expect(table.skippedEmpty).toBe(0);
    expect(validate(table).counts).toMatchObject({ total: 3, valid: 3 });
  });

  it('skips a metadata line that names a field ("Location;London") in a `;` file', () => {
    const table = read('title-rows-metadata.csv');
    expect(table).toMatchObject({ delimiter: ';', headerRow: 4 });
    expect(table.headers).toEqual(['E-mail', 'Prénom', 'Nom', 'Poste']);
    expect(table.rows.map((row) => row.row)).toEqual([5, 6]);
  });
});
