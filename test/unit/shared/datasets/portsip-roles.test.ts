import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { toCsv } from '../../../../shared/csv/write-csv';
import { createPortsipRolesDataset } from '../../../../shared/datasets/portsip-roles';
import { PORTSIP_PERMISSIONS } from '../../../../shared/datasets/portsip/portsip-rules';
import { headerMatchKey } from '../../../../shared/mapping/normalise-header';
import { checkMapping, suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import {
  listedRoleCells,
  portsipRolesComparator,
} from '../../../../shared/plan/portsip-roles-compare';
import { templateTable } from '../../../../shared/templates/template';
import { validateTable } from '../../../../shared/validation/validate-table';

const roles = createPortsipRolesDataset();

/** Validates a CSV sheet the way the CLI does: suggested mapping, then every row. */
function validateCsv(csv: string) {
  const table = parseCsv(csv, 'roles.csv');
  const { mapping } = suggestMapping(table.headers, roles);
  return { mapping, result: validateTable(table, roles, mapping) };
}

const errorsOf = (csv: string) =>
  validateCsv(csv).result.issues.map(({ row, column, code, message }) => ({
    row,
    column,
    code,
    message,
  }));

describe('PortSIP roles dataset', () => {
  it('has name, description and one column per permission, named <group>.<permission> as the spec nests them', () => {
    const expected = Object.entries(PORTSIP_PERMISSIONS).flatMap(([group, keys]) =>
      keys.map((key) => `${group}.${key}`),
    );
    expect(roles.fields.map((field) => field.key)).toEqual(['name', 'description', ...expected]);
    expect(expected).toContain('user_management.users');
    expect(expected).toHaveLength(29);
    // Every column must be told apart by the header matcher, or auto-mapping would mix them.
    const keys = roles.fields.map((field) => headerMatchKey(field.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(roles).toMatchObject({ target: 'portsip', kind: 'roles', batchSize: 1 });
  });

  it('reads TRUE/FALSE, Yes/No, Y/N and 1/0 in any case, and leaves empty permission cells out', () => {
    const { result } = validateCsv(
      'Role Name,Description,user_management.users,user_management.roles,trunk.view_only,billing.full_access,policies.internal_calls,general.meeting,analytics.call_report_view_only\r\n' +
        'Front Desk,Reception,TRUE,false,Yes,no,1,0,\r\n' +
        'Night Shift,,y,N,,,,,\r\n',
    );
    expect(result.counts).toMatchObject({ total: 2, valid: 2, invalid: 0 });
    expect(result.rows[0]?.payload).toEqual({
      name: 'Front Desk',
      description: 'Reception',
      permissions: {
        user_management: { users: true, roles: false },
        trunk: { view_only: true },
        billing: { full_access: false },
        policies: { internal_calls: true },
        general: { meeting: false },
      },
    });
    expect(result.rows[1]?.payload).toEqual({
      name: 'Night Shift',
      permissions: { user_management: { users: true, roles: false } },
    });
  });

  it('refuses a built-in role name (any case) on the name column', () => {
    expect(errorsOf('Role Name,trunk.view_only\r\nAdmin,TRUE\r\nstandarduser,FALSE\r\n')).toEqual([
      {
        row: 2,
        column: 'Role Name',
        code: 'BUILT_IN_ROLE',
        message: expect.stringContaining('name "Admin" is a built-in PortSIP role') as string,
      },
      {
        row: 3,
        column: 'Role Name',
        code: 'BUILT_IN_ROLE',
        message: expect.stringContaining('"standarduser"') as string,
      },
    ]);
  });

  it('requires a name, and refuses one with surrounding spaces when it reaches the schema untrimmed', () => {
    expect(errorsOf('name,description\r\n,No name here\r\n')).toEqual([
      { row: 2, column: 'name', code: 'REQUIRED', message: 'name is required' },
    ]);
    const parsed = roles.recordSchema.safeParse({ name: ' Padded ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['name'],
      message: 'name must not start or end with a space',
      params: { code: 'INVALID_ROLE_NAME' },
    });
  });

  it('names the permission column of a value that is not true or false', () => {
    expect(errorsOf('name,user_management.users,billing.view_only\r\nOps,maybe,2\r\n')).toEqual([
      {
        row: 2,
        column: 'user_management.users',
        code: 'INVALID_PERMISSION',
        message: "user_management.users must be TRUE or FALSE (also Yes/No, Y/N, 1/0), got 'maybe'",
      },
      {
        row: 2,
        column: 'billing.view_only',
        code: 'INVALID_PERMISSION',
        message: "billing.view_only must be TRUE or FALSE (also Yes/No, Y/N, 1/0), got '2'",
      },
    ]);
  });

  it('leaves an unknown permission header unmapped, never sent, and warns that it looks misspelt', () => {
    const { mapping, result } = validateCsv(
      'name,trunk.delete,trunk.view_only\r\nOps,TRUE,TRUE\r\n',
    );
    expect(Object.values(mapping)).not.toContain('trunk.delete');
    const dataset = createPortsipRolesDataset();
    const headers = ['name', 'trunk.delete', 'trunk.view_only', 'Notes'];
    expect(checkMapping(headers, dataset, suggestMapping(headers, dataset).mapping)).toEqual([
      {
        code: 'UNKNOWN_HEADER',
        severity: 'warning',
        header: 'trunk.delete',
        message:
          'Column "trunk.delete" looks like a trunk field, but PortSIP roles has no field of that name; its cells are ignored',
      },
    ]);
    expect(mapping['trunk.view_only']).toBe('trunk.view_only');
    expect(result.rows[0]?.payload).toEqual({
      name: 'Ops',
      permissions: { trunk: { view_only: true } },
    });
  });

  it('refuses a role name repeated in the sheet with case ignored, naming the first row', () => {
    expect(errorsOf('name\r\nFront Desk\r\nfront desk\r\n')).toEqual([
      {
        row: 3,
        column: 'name',
        code: expect.any(String) as string,
        message: 'Role front desk is already in the sheet (case ignored): also on row 2',
      },
    ]);
  });

  it('writes a template whose example row is valid', () => {
    const sheet = templateTable(roles);
    expect(validateCsv(toCsv(sheet.headers, sheet.rows)).result.counts).toMatchObject({
      total: 1,
      valid: 1,
    });
  });

  it('compares only what the sheet sets, in the export’s TRUE/FALSE words', () => {
    const payload = { name: 'Ops', permissions: { trunk: { view_only: true } } };
    expect(portsipRolesComparator.comparable(payload)).toEqual({ 'trunk.view_only': 'TRUE' });
    const cells = listedRoleCells({
      name: 'Ops',
      description: 'Operations',
      permissions: { trunk: { view_only: true, full_access: false } },
    });
    expect(cells).toMatchObject({
      name: 'Ops',
      description: 'Operations',
      'trunk.view_only': 'TRUE',
      'trunk.full_access': 'FALSE',
      'billing.view_only': 'FALSE',
    });
    expect(portsipRolesComparator.identityOf(payload)).toBe('ops');
    expect(portsipRolesComparator.canUpdate).toBe(true);
  });
});
