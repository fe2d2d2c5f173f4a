import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { toCsv } from '../../../../shared/csv/write-csv';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import { templateTable } from '../../../../shared/templates/template';
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
});
