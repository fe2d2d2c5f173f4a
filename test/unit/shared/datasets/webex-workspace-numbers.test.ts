import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { toCsv } from '../../../../shared/csv/write-csv';
import { getDataset } from '../../../../shared/datasets/registry';
import { createWebexWorkspaceNumbersDataset } from '../../../../shared/datasets/webex-workspace-numbers';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import { templateTable } from '../../../../shared/templates/template';
import { validateTable } from '../../../../shared/validation/validate-table';

const dataset = createWebexWorkspaceNumbersDataset();
const HEADERS = [
  'Workspace ID',
  'Number',
  'Ext',
  'Action',
  'Primary',
  'Ring Pattern',
  'Distinctive Ring',
];

/** Validates rows under human headers; row numbers start at 2 (the header is row 1). */
function validate(rows: string[][], headers = HEADERS, ds = dataset) {
  const table = parseCsv(toCsv(headers, rows), 'numbers.csv');
  const { mapping } = suggestMapping(table.headers, ds);
  return validateTable(table, ds, mapping);
}

const errorsOf = (rows: string[][]) =>
  validate(rows).issues.filter((issue) => issue.severity === 'error');

describe('Webex workspace numbers dataset', () => {
  it('describes the PUT: webex/workspace-numbers, grouped by workspace, 20 numbers a call', () => {
    expect(dataset).toMatchObject({
      target: 'webex',
      kind: 'workspace-numbers',
      batchSize: 20,
    });
    expect(dataset.fields.map((f) => f.key)).toEqual([
      'workspace_id',
      'phone_number',
      'extension',
      'action',
      'primary',
      'ring_pattern',
      'distinctive_ring',
    ]);
    expect(getDataset('webex', 'workspace-numbers')?.title).toBe('Webex Calling workspace numbers');
  });

  it('maps human headers (Workspace ID, Number, DID, Ext, Ring Pattern…) to the fields', () => {
    const { mapping } = suggestMapping(HEADERS, dataset);
    expect(mapping).toEqual({
      workspace_id: 'Workspace ID',
      phone_number: 'Number',
      extension: 'Ext',
      action: 'Action',
      primary: 'Primary',
      ring_pattern: 'Ring Pattern',
      distinctive_ring: 'Distinctive Ring',
    });
    expect(suggestMapping(['Place ID', 'DID'], dataset).mapping).toEqual({
      workspace_id: 'Place ID',
      phone_number: 'DID',
    });
    expect(suggestMapping(['Workspace Name'], dataset).mapping).toEqual({});
  });

  it('builds the payload: E.164 kept, US national normalised, empty action is ADD, variants read', () => {
    const result = validate([
      ['ws1', '+14155550100', '1100', '', 'Yes', 'long long', 'Y'],
      ['ws1', '(415) 555-0101', '', 'delete', '', '', 'yes'],
      ['ws2', '', '2200', 'Add', 'no', 'Short-Long-Short', ''],
    ]);
    expect(result.counts).toMatchObject({ total: 3, valid: 3, invalid: 0 });
    expect(result.rows.map((row) => row.payload)).toEqual([
      {
        workspaceId: 'ws1',
        action: 'ADD',
        phoneNumber: '+14155550100',
        extension: '1100',
        primary: true,
        ringPattern: 'LONG_LONG',
        distinctiveRingEnabled: true,
      },
      {
        workspaceId: 'ws1',
        action: 'DELETE',
        phoneNumber: '+14155550101',
        distinctiveRingEnabled: true,
      },
      {
        workspaceId: 'ws2',
        action: 'ADD',
        extension: '2200',
        primary: false,
        ringPattern: 'SHORT_LONG_SHORT',
      },
    ]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        row: 3,
        column: 'Number',
        code: 'PHONE_NORMALISED',
        severity: 'warning',
        message: "phone_number '(415) 555-0101' was written as +14155550101",
      }),
    );
  });

  it('reads national numbers in the chosen default country instead of the US', () => {
    const gb = createWebexWorkspaceNumbersDataset({ defaultCountry: 'GB' });
    const result = validate([['ws1', '020 7946 0000', '', '', '', '', '']], HEADERS, gb);
    expect(result.rows[0]?.payload).toMatchObject({ phoneNumber: '+442079460000' });
  });

  it('names row, column and rule for every field a sheet can break', () => {
    const errors = errorsOf([
      ['', '+14155550100', '', '', '', '', ''],
      ['ws 1', '+14155550100', '', '', '', '', ''],
      ['ws1', '12345', '', '', '', '', ''],
      ['ws1', '1.4155E+10', '', '', '', '', ''],
      ['ws1', '', 'x12', '', '', '', ''],
      ['ws1', '', '', 'ADD', '', '', ''],
      ['ws1', '+14155550102', '', 'REMOVE', '', '', ''],
      ['ws1', '+14155550103', '', '', 'maybe', '', ''],
      ['ws1', '+14155550104', '', '', '', 'loud', ''],
      ['ws1', '+14155550105', '', '', '', '', 'sometimes'],
    ]);
    const brief = errors.map((e) => [e.row, e.column, e.code]);
    expect(brief).toEqual([
      [2, 'Workspace ID', 'REQUIRED'],
      [3, 'Workspace ID', 'INVALID_WORKSPACE_ID'],
      [4, 'Number', 'PHONE_INVALID'],
      [5, 'Number', 'PHONE_EXCEL_DAMAGED'],
      [6, 'Ext', 'INVALID_EXTENSION'],
      [7, 'Number', 'NUMBER_OR_EXTENSION_REQUIRED'],
      [8, 'Action', 'INVALID_ACTION'],
      [9, 'Primary', 'INVALID_YES_NO'],
      [10, 'Ring Pattern', 'INVALID_RING_PATTERN'],
      [11, 'Distinctive Ring', 'INVALID_YES_NO'],
    ]);
    expect(errors.find((e) => e.row === 8)?.message).toBe(
      "action must be ADD or DELETE, got 'REMOVE'",
    );
    expect(errors.find((e) => e.row === 10)?.message).toMatch(
      /ring_pattern must be one of NORMAL, LONG_LONG, SHORT_SHORT_LONG, SHORT_LONG_SHORT .*got 'loud'/,
    );
  });

  it('drops primary and ring pattern from a DELETE row, with a warning on each column', () => {
    const result = validate([['ws1', '+14155550100', '', 'DELETE', 'Yes', 'NORMAL', '']]);
    expect(result.rows[0]?.payload).toEqual({
      workspaceId: 'ws1',
      action: 'DELETE',
      phoneNumber: '+14155550100',
    });
    expect(result.issues.map((i) => [i.column, i.code])).toEqual([
      ['Primary', 'IGNORED_ON_DELETE'],
      ['Ring Pattern', 'IGNORED_ON_DELETE'],
    ]);
  });

  it('has a template example row that validates as written', () => {
    const sheet = templateTable(dataset);
    const table = parseCsv(toCsv(sheet.headers, sheet.rows), 'template.csv');
    const { mapping } = suggestMapping(table.headers, dataset);
    expect(validateTable(table, dataset, mapping).counts).toEqual({
      total: 1,
      valid: 1,
      invalid: 0,
      warnings: 0,
    });
  });
});
