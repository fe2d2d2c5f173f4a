import type { MappedRecord } from '../../../../shared/datasets/dataset';
import type { RowIssue } from '../../../../shared/table/row-issue';
import type { SourceTable } from '../../../../shared/table/source-table';

/** A small deterministic generator, so a failing case can be replayed from its seed. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

// Values of every kind the Zoom users rules tell apart: valid, invalid, edge, repeated.
const POOLS: Record<string, readonly string[]> = {
  email: ['a@example.com', 'B@Example.com', 'bad.example.com', `${'x'.repeat(130)}@e.com`, ''],
  first_name: ['Chloé', '王', 'x'.repeat(65), '', ' Ann '],
  last_name: ['Ng', '', 'Müller'],
  extension_number: ['1001', '01001', '7', '12a', '1234567890123456', ''],
  phone_numbers: [
    '+14155550100',
    '(415) 555-0101',
    '+1 415 555 0102',
    '1.4155E+10',
    '1.4155550103E+10',
    '447400123456',
    '14155550104',
    '+14150550100',
    '0044 20 7946 0000',
    '+1 415 555 0100 x12',
    '+14155550105; (415) 555-0105',
    '+14155550106,+447400123457\n+14155550107',
    '14155000000',
    '0012',
    '',
  ],
  calling_plans: ['Plan A', 'Plan A;Plan A', 'Plan A;Plan B', ';', ''],
  site_code: ['', '101'],
  site_name: ['', 'HQ'],
  template_name: ['', 'Sales'],
  outbound_caller_id: ['', '+14155550100', '415 555 0100', 'nope'],
  select_outbound_caller_id: ['', 'y', 'No', 'maybe'],
  sms: ['', 'Yes', 'FALSE', '2'],
  desk_phone_brand: ['', '', 'Yealink'],
  desk_phone_model: ['', 't46s'],
  desk_phone_mac: ['', '80:5E:C0:11:22:01', '805e.c011.2201', '80:5E:C0:11:22', 'zz'],
  desk_phone_provision_template: ['', 'Default'],
};

/** Field keys of the Zoom users dataset, in its order. */
export const ZOOM_KEYS = Object.keys(POOLS);

/** A record (empty → absent) with a value of each field drawn from its pool. */
export function randomRecord(rnd: () => number): MappedRecord {
  const record: MappedRecord = {};
  for (const key of ZOOM_KEYS) {
    const pool = POOLS[key]!;
    const value = pool[Math.floor(rnd() * pool.length)]!.trim();
    if (value !== '') {
      record[key] = value;
    }
  }
  return record;
}

/**
 * A sheet with the dataset's keys as headers and `rows` random rows: values repeat across
 * rows (duplicates), some rows are short or long (with reading issues as parseCsv reports
 * them), some cells have spaces around them.
 */
export function randomTable(rnd: () => number, rows: number): SourceTable {
  const table: SourceTable = {
    fileName: 'random.csv',
    format: 'csv',
    headerRow: 1,
    headers: [...ZOOM_KEYS, 'Notes'],
    rows: [],
    issues: [],
    skippedEmpty: 0,
  };
  let line = 2;
  for (let r = 0; r < rows; r++) {
    const cells = ZOOM_KEYS.map((key) => {
      const pool = POOLS[key]!;
      const value =
        key === 'email' && rnd() < 0.7
          ? `user${Math.floor(rnd() * rows)}@example.com`
          : pool[Math.floor(rnd() * pool.length)]!;
      return rnd() < 0.05 ? ` ${value} ` : value;
    });
    cells.push(rnd() < 0.1 ? 'a note' : '');
    const shape = rnd();
    if (shape < 0.02) {
      cells.length = 5;
      table.issues.push(readIssue(line, 'error'));
    } else if (shape < 0.04) {
      cells.push('');
      table.issues.push(readIssue(line, 'warning'));
    }
    table.rows.push({ row: line, cells });
    line += rnd() < 0.1 ? 2 : 1;
  }
  return table;
}

function readIssue(row: number, severity: RowIssue['severity']): RowIssue {
  return { row, column: null, code: 'RAGGED_ROW', message: `Row ${row} is ragged`, severity };
}
