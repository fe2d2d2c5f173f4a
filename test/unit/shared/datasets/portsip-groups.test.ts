import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { toCsv } from '../../../../shared/csv/write-csv';
import { createPortsipGroupMembersDataset } from '../../../../shared/datasets/portsip-group-members';
import { createPortsipGroupsDataset } from '../../../../shared/datasets/portsip-groups';
import type { DatasetDef } from '../../../../shared/datasets/dataset';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import {
  listedGroupComparable,
  portsipGroupsComparator,
} from '../../../../shared/plan/portsip-groups-compare';
import { templateTable } from '../../../../shared/templates/template';
import { validateTable } from '../../../../shared/validation/validate-table';

const groups = createPortsipGroupsDataset();
const members = createPortsipGroupMembersDataset();

function validateCsv(csv: string, dataset: DatasetDef) {
  const table = parseCsv(csv, 'sheet.csv');
  return validateTable(table, dataset, suggestMapping(table.headers, dataset).mapping);
}

const errorsOf = (csv: string, dataset: DatasetDef) =>
  validateCsv(csv, dataset).issues.map(({ row, column, code, message }) => ({
    row,
    column,
    code,
    message,
  }));

describe('PortSIP user groups dataset', () => {
  it('reads numbered caller ID columns into outbound_caller_ids, in slot order, skipping empty slots', () => {
    const result = validateCsv(
      'Group Name,Description,outbound_caller_id_1,outbound_caller_id_1_provider_id,outbound_caller_id_1_description,outbound_caller_id_3\r\n' +
        'Sales,Inside sales,4155550100,NzAw,Main line,4155550199\r\n' +
        'Support,,,,,\r\n',
      groups,
    );
    expect(result.counts).toMatchObject({ valid: 2, invalid: 0 });
    expect(result.rows[0]?.payload).toEqual({
      name: 'Sales',
      description: 'Inside sales',
      outbound_caller_ids: [
        { caller_id: '4155550100', provider_id: 'NzAw', description: 'Main line' },
        { caller_id: '4155550199' },
      ],
    });
    expect(result.rows[1]?.payload).toEqual({ name: 'Support' });
  });

  it('flags a caller ID slot filled without its caller ID, on the filled column, and a repeated caller ID, and a repeated caller ID', () => {
    expect(
      errorsOf(
        'name,outbound_caller_id_1,outbound_caller_id_2,outbound_caller_id_2_description,outbound_caller_id_4_provider_id,outbound_caller_id_5\r\n' +
          'Sales,100200,100200,Again,NzAw,\r\n',
        groups,
      ),
    ).toEqual([
      {
        row: 2,
        column: 'outbound_caller_id_2',
        code: 'CALLER_ID_REPEATED',
        message: 'outbound_caller_id_2 repeats caller ID 100200 of an earlier slot',
      },
      {
        row: 2,
        column: 'outbound_caller_id_4_provider_id',
        code: 'CALLER_ID_MISSING',
        message:
          'outbound_caller_id_4_provider_id is filled but outbound_caller_id_4 is empty; give the caller ID or clear the slot',
      },
    ]);
  });

  it('requires a name and refuses a group named twice, case ignored', () => {
    expect(errorsOf('name,description\r\n,Nameless\r\nSales,\r\nSALES,\r\n', groups)).toEqual([
      { row: 2, column: 'name', code: 'REQUIRED', message: 'name is required' },
      {
        row: 4,
        column: 'name',
        code: expect.any(String) as string,
        message: 'Group SALES is already in the sheet (case ignored): also on row 3',
      },
    ]);
  });

  it('compares description and the caller ID list only when the sheet sets them', () => {
    expect(portsipGroupsComparator.comparable({ name: 'Sales' })).toEqual({});
    const row = portsipGroupsComparator.comparable({
      name: 'Sales',
      description: 'Team',
      outbound_caller_ids: [{ caller_id: '100', provider_id: 'p1' }],
    });
    const listed = listedGroupComparable({
      id: 'g1',
      name: 'Sales',
      description: 'Team',
      outbound_caller_ids: [{ caller_id: '100', provider_id: 'p1', description: '' }],
    });
    expect(row).toEqual(listed);
    expect(portsipGroupsComparator.canUpdate).toBe(true);
  });

  it('writes a template whose example row is valid', () => {
    const sheet = templateTable(groups);
    expect(validateCsv(toCsv(sheet.headers, sheet.rows), groups).counts).toMatchObject({
      total: 1,
      valid: 1,
    });
  });
});

describe('PortSIP group members dataset', () => {
  it('takes the group by name and the extension as text, leading zeros kept', () => {
    const result = validateCsv('Group,Extension\r\nSales,0101\r\nSupport,1001\r\n', members);
    expect(result.rows.map((row) => row.payload)).toEqual([
      { group: 'Sales', extension_number: '0101' },
      { group: 'Support', extension_number: '1001' },
    ]);
    expect(members.identityOf({ group: 'Sales', extension_number: '0101' })).toBe('sales:0101');
  });

  it('refuses an extension that is not 3 to 64 digits, naming the column', () => {
    expect(
      errorsOf('group,extension_number\r\nSales,12\r\nSales,x101\r\nSales,\r\n', members),
    ).toEqual([
      {
        row: 2,
        column: 'extension_number',
        code: 'INVALID_EXTENSION',
        message: "extension_number must be 3 to 64 digits (nothing else), got '12'",
      },
      {
        row: 3,
        column: 'extension_number',
        code: 'INVALID_EXTENSION',
        message: "extension_number must be 3 to 64 digits (nothing else), got 'x101'",
      },
      {
        row: 4,
        column: 'extension_number',
        code: 'REQUIRED',
        message: 'extension_number is required',
      },
    ]);
  });

  it('refuses a member twice in one group (group name case ignored) but allows it in another group', () => {
    expect(
      errorsOf('group,extension_number\r\nSales,1001\r\nSupport,1001\r\nsales,1001\r\n', members),
    ).toEqual([
      {
        row: 4,
        column: 'extension_number',
        code: expect.any(String) as string,
        message: 'Extension 1001 is already in the sheet for this group: also on row 2',
      },
    ]);
  });

  it('writes a template whose example row is valid', () => {
    const sheet = templateTable(members);
    expect(validateCsv(toCsv(sheet.headers, sheet.rows), members).counts).toMatchObject({
      total: 1,
      valid: 1,
    });
  });
});
