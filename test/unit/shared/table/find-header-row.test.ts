import { describe, expect, it } from 'vitest';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { fieldNames } from '../../../../shared/mapping/hr-synonyms';
import { findHeaderRow, HEADER_SCAN_ROWS } from '../../../../shared/table/find-header-row';

const zoom = fieldNames(createZoomUsersDataset());
const DATA = [
  ['ana@example.com', 'Ana', 'Silva', '4001', 'US/CA Unlimited Calling'],
  ['ben@example.com', 'Ben', 'Okafor', '4002', 'US/CA Unlimited Calling'],
  ['cy@example.com', 'Cy', '', '4003', 'US/CA Unlimited Calling'],
];
const HEADER = ['Work Email', 'Given Name', 'Surname', 'Ext', 'Calling Plan'];

describe('findHeaderRow', () => {
  it('takes the first row of an ordinary file, with or without a dataset', () => {
    expect(findHeaderRow([HEADER, ...DATA])).toBe(0);
    expect(findHeaderRow([HEADER, ...DATA], zoom)).toBe(0);
  });

  it('skips a title, a "Generated" line and blank rows (trailing delimiters included)', () => {
    const rows = [
      ['Q3 onboarding — Sales', '', '', '', ''],
      ['Generated 2026-11-01'],
      ['', '', '', '', ''],
      [],
      HEADER,
      ...DATA,
    ];
    expect(findHeaderRow(rows)).toBe(4);
    expect(findHeaderRow(rows, zoom)).toBe(4);
  });

  it('with a dataset, prefers the row naming most fields over a wide title row', () => {
    const rows = [['Report', 'Sales', 'Q3', 'London', 'Draft'], HEADER, ...DATA];
    expect(findHeaderRow(rows)).toBe(0);
    expect(findHeaderRow(rows, zoom)).toBe(1);
  });

  it('does not take a metadata line naming one field ("Location, London") for the header', () => {
    const rows = [
      ['Location', 'London'],
      ['E-mail', 'Prénom', 'Nom', 'Poste'],
      ['a@x.io', 'A', 'B', '1'],
    ];
    expect(findHeaderRow(rows, zoom)).toBe(1);
  });

  it('does not skip a header with some blank names, nor one over a few ragged rows', () => {
    const blanks = [['email', '', 'ext', ' ', 'plan'], ...DATA];
    expect(findHeaderRow(blanks)).toBe(0);
    const ragged = [HEADER, DATA[0]!, [...DATA[1]!, 'stray', 'more'], DATA[2]!, DATA[0]!];
    expect(findHeaderRow(ragged)).toBe(0);
  });

  it('does not take a row of numbers and dates for a header', () => {
    const rows = [['2026-11-01', '14:00', '12', '3', '5'], HEADER, ...DATA];
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('handles one-column files, header-only files and all-blank input', () => {
    expect(findHeaderRow([['email'], ['a@x.io'], ['b@x.io']])).toBe(0);
    expect(findHeaderRow([['Staff list'], [], HEADER])).toBe(2);
    expect(findHeaderRow([[''], []])).toBe(0);
    expect(findHeaderRow([])).toBe(0);
  });

  it(`looks only at the first ${HEADER_SCAN_ROWS} rows; past them, the first non-blank row`, () => {
    const notes = Array.from({ length: HEADER_SCAN_ROWS }, (_, i) => [`note ${i}`]);
    expect(findHeaderRow([...notes, HEADER, ...DATA])).toBe(0);
  });
});
