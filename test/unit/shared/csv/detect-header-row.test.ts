import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';
import { detectCsvHeaderRow } from '../../../../shared/csv/detect-header-row';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { fieldNames } from '../../../../shared/mapping/hr-synonyms';

const zoom = fieldNames(createZoomUsersDataset());
const text = (name: string): string =>
  decodeText(readFileSync(new URL(`../../../fixtures/csv/${name}`, import.meta.url))).text;

describe('detectCsvHeaderRow', () => {
  it('agrees with parseCsv and lists the non-blank rows the admin may choose', () => {
    const csv = text('title-rows.csv');
    const detection = detectCsvHeaderRow(csv, ',', zoom);
    expect(detection.headerRow).toBe(parseCsv(csv, 'x.csv', { headerHints: zoom }).headerRow);
    expect(detection.headerRow).toBe(4);
    expect(detection.choices.map((choice) => choice.row)).toEqual([1, 2, 4, 5, 6, 7]);
    // Trailing empty cells of a title row are dropped from its preview.
    expect(detection.choices[0]?.cells).toEqual(['Q3 onboarding — Sales']);
  });

  it('shortens long cells and wide rows in the choices', () => {
    const long = `${'x'.repeat(60)},b,c,d,e,f,g,h,i,j\n1,2,3,4,5,6,7,8,9,10\n`;
    const [first] = detectCsvHeaderRow(long, ',').choices;
    expect(first?.cells).toHaveLength(8);
    expect(first?.cells[0]).toBe(`${'x'.repeat(39)}…`);
  });

  it('numbers rows by line, across quoted line breaks', () => {
    const detection = detectCsvHeaderRow(text('quoted-crlf.csv'), ',');
    expect(detection.choices.map((choice) => choice.row)).toEqual([1, 2, 4]);
  });
});

describe('parseCsv with a header row chosen by the admin', () => {
  it('uses the first non-blank record on or after that line and drops what is above', () => {
    const csv = text('title-rows.csv');
    const table = parseCsv(csv, 'x.csv', { headerRow: 3 });
    expect(table.headerRow).toBe(4);
    expect(table.rows.map((row) => row.row)).toEqual([5, 6, 7]);
    const titleAsHeader = parseCsv(csv, 'x.csv', { headerRow: 1 });
    expect(titleAsHeader.headers[0]).toBe('Q3 onboarding — Sales');
    expect(titleAsHeader.rows.map((row) => row.row)).toEqual([2, 4, 5, 6, 7]);
  });

  it('gives no header when the chosen row is past the end', () => {
    expect(parseCsv('a,b\n1,2\n', 'x.csv', { headerRow: 9 }).headers).toEqual([]);
  });
});
