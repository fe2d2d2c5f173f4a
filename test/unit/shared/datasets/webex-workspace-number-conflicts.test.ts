import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { toCsv } from '../../../../shared/csv/write-csv';
import { createWebexWorkspaceNumbersDataset } from '../../../../shared/datasets/webex-workspace-numbers';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import { validateTable } from '../../../../shared/validation/validate-table';

const dataset = createWebexWorkspaceNumbersDataset();
const HEADERS = ['Workspace ID', 'DID', 'Ext', 'Action', 'Primary', 'Distinctive Ring'];

/** Errors of a sheet as [row, column, code, message], rows numbered from 2. */
function errorsOf(rows: string[][]) {
  const table = parseCsv(toCsv(HEADERS, rows), 'numbers.csv');
  const result = validateTable(table, dataset, suggestMapping(table.headers, dataset).mapping);
  return {
    valid: result.rows.filter((row) => row.payload !== undefined).map((row) => row.row),
    errors: result.issues
      .filter((issue) => issue.severity === 'error')
      .map((issue) => [issue.row, issue.column, issue.code, issue.message] as const),
  };
}

describe('Webex workspace numbers: checks across rows', () => {
  it('stops both rows of one workspace that ADD and DELETE the same number, each naming the other', () => {
    const { valid, errors } = errorsOf([
      ['ws1', '+14155550100', '', 'ADD', '', ''],
      ['ws2', '+14155550199', '', 'ADD', '', ''],
      ['ws1', '4155550100', '', 'DELETE', '', ''],
    ]);
    expect(valid).toEqual([3]);
    expect(errors).toEqual([
      [
        2,
        'Action',
        'CONFLICTING_ACTIONS',
        'workspace ws1: +14155550100 is added here but deleted on row 4; keep one instruction',
      ],
      [
        4,
        'Action',
        'CONFLICTING_ACTIONS',
        'workspace ws1: +14155550100 is deleted here but added on row 2; keep one instruction',
      ],
    ]);
  });

  it('marks only the repeat of a number listed twice for one workspace, naming the first row', () => {
    const { valid, errors } = errorsOf([
      ['ws1', '+14155550100', '', '', '', ''],
      ['ws1', '+1 415 555 0100', '', 'ADD', '', ''],
      ['ws2', '', '1100', '', '', ''],
      ['ws2', '', '1100', '', '', ''],
    ]);
    expect(valid).toEqual([2, 4]);
    expect(errors).toEqual([
      [3, 'DID', 'DUPLICATE_NUMBER', 'workspace ws1: +14155550100 is listed twice: also on row 2'],
      [
        5,
        'Ext',
        'DUPLICATE_NUMBER',
        'workspace ws2: extension 1100 is listed twice: also on row 4',
      ],
    ]);
  });

  it('stops every primary of a workspace with two, and leaves other workspaces alone', () => {
    const { valid, errors } = errorsOf([
      ['ws1', '+14155550100', '', '', 'Yes', ''],
      ['ws1', '+14155550101', '', '', 'No', ''],
      ['ws1', '+14155550102', '', '', 'TRUE', ''],
      ['ws2', '+14155550103', '', '', 'Yes', ''],
    ]);
    expect(valid).toEqual([3, 5]);
    expect(errors).toEqual([
      [
        2,
        'Primary',
        'SECOND_PRIMARY',
        'workspace ws1: a second primary number; row 4 is also primary, and a workspace has one',
      ],
      [
        4,
        'Primary',
        'SECOND_PRIMARY',
        'workspace ws1: a second primary number; row 2 is also primary, and a workspace has one',
      ],
    ]);
  });

  it('stops rows of a workspace that disagree on distinctive ring; rows that leave it empty pass', () => {
    const { valid, errors } = errorsOf([
      ['ws1', '+14155550100', '', '', '', 'Yes'],
      ['ws1', '+14155550101', '', '', '', ''],
      ['ws1', '+14155550102', '', '', '', 'No'],
      ['ws2', '+14155550103', '', '', '', 'No'],
    ]);
    expect(valid).toEqual([3, 5]);
    expect(errors.map(([row, column, code]) => [row, column, code])).toEqual([
      [2, 'Distinctive Ring', 'CONFLICTING_DISTINCTIVE_RING'],
      [4, 'Distinctive Ring', 'CONFLICTING_DISTINCTIVE_RING'],
    ]);
    expect(errors[0]?.[3]).toBe(
      'workspace ws1: distinctive_ring is Yes here but No on row 4; it is one setting per workspace',
    );
  });

  it('stops a number added to two workspaces, but lets a move (DELETE from one, ADD to another) through', () => {
    const added = errorsOf([
      ['ws1', '+14155550100', '', 'ADD', '', ''],
      ['ws2', '+14155550100', '', 'ADD', '', ''],
    ]);
    expect(added.valid).toEqual([]);
    expect(added.errors.map((e) => e[3])).toEqual([
      '+14155550100 is added to workspace ws1 here and to workspace ws2 on row 3; a number belongs to one workspace',
      '+14155550100 is added to workspace ws2 here and to workspace ws1 on row 2; a number belongs to one workspace',
    ]);
    const moved = errorsOf([
      ['ws1', '+14155550100', '', 'DELETE', '', ''],
      ['ws2', '+14155550100', '', 'ADD', '', ''],
    ]);
    expect(moved).toEqual({ valid: [2, 3], errors: [] });
  });
});
