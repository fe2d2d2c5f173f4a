import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { toCsv } from '../../../../shared/csv/write-csv';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import {
  templateChoices,
  templateColumnsTable,
  templateHeaderNote,
  templateTable,
} from '../../../../shared/templates/template';
import { validateTable } from '../../../../shared/validation/validate-table';

describe('templateTable', () => {
  const dataset = createZoomUsersDataset();

  it('has the field keys as headers and one example row', () => {
    const sheet = templateTable(dataset);
    expect(sheet.headers).toEqual(dataset.fields.map((f) => f.key));
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toHaveLength(sheet.headers.length);
  });

  it('round-trips through CSV into a fully mapped, valid row with no default country', () => {
    const sheet = templateTable(dataset);
    const table = parseCsv(toCsv(sheet.headers, sheet.rows), 'template.csv');
    const { mapping, issues } = suggestMapping(table.headers, dataset);
    expect(issues).toEqual([]);
    expect(Object.keys(mapping)).toHaveLength(dataset.fields.length);
    const result = validateTable(table, dataset, mapping);
    expect(result.counts).toEqual({ total: 1, valid: 1, invalid: 0, warnings: 0 });
  });

  it('lists every column with required, rule, example and choices for the Columns sheet', () => {
    const columns = templateColumnsTable(dataset);
    expect(columns.headers).toEqual(['column', 'required', 'rule', 'example', 'choices']);
    expect(columns.rows.map((row) => row[0])).toEqual(dataset.fields.map((f) => f.key));
    expect(columns.rows[0]).toEqual([
      'email',
      'yes',
      dataset.fields[0]?.description,
      'alice.ng@example.com',
      '',
    ]);
    expect(columns.rows.find((row) => row[0] === 'sms')?.[4]).toBe('Yes, No');
  });

  it('offers dropdowns on the enum columns only, each choice valid for the dataset', () => {
    const choices = templateChoices(dataset);
    expect(choices.map((c) => dataset.fields[c.column]?.key)).toEqual([
      'select_outbound_caller_id',
      'sms',
    ]);
    const sheet = templateTable(dataset);
    for (const { column, choices: values } of choices) {
      for (const value of values) {
        const row = [...(sheet.rows[0] ?? [])];
        row[column] = value;
        const table = parseCsv(toCsv(sheet.headers, [row]), 'choice.csv');
        const { mapping } = suggestMapping(table.headers, dataset);
        expect(validateTable(table, dataset, mapping).counts.valid, `${value}`).toBe(1);
      }
    }
  });

  it('notes a header with required or optional, then the rule', () => {
    expect(templateHeaderNote(dataset, 0)).toBe(`Required. ${dataset.fields[0]?.description}`);
    expect(templateHeaderNote(dataset, 1)).toMatch(/^Optional\. /);
    expect(templateHeaderNote(dataset, 99)).toBeUndefined();
  });
});
