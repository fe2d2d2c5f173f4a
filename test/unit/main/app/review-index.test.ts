import { describe, expect, it } from 'vitest';
import { OpenFiles } from '../../../../main/app/open-files';
import { ReviewIndex } from '../../../../main/app/review-index';
import { importHandlers } from '../../../../main/ipc/import.ipc';
import type { RowIssue } from '../../../../shared/table/row-issue';
import type { SourceTable } from '../../../../shared/table/source-table';

/** A table of `count` rows numbered from 2 (the header is row 1), every third row skipped. */
function tableOf(count: number): SourceTable {
  const rows = Array.from({ length: count }, (_, i) => ({
    row: 2 + i + Math.floor(i / 3),
    cells: [`user${i}@example.com`, `${1000 + i}`],
  }));
  return {
    fileName: 'users.csv',
    format: 'csv',
    headerRow: 1,
    headers: ['Email', 'Ext'],
    rows,
    issues: [],
    skippedEmpty: 0,
  };
}

function issue(row: number, column: string | null, severity: RowIssue['severity']): RowIssue {
  return { row, column, code: 'X', message: `${severity} on ${row} ${column}`, severity };
}

/** Rows 1, 4 and 7 (by index) have issues: a warning before an error on row 4. */
function validated(table: SourceTable) {
  const at = (i: number) => table.rows[i]!.row;
  const rowIssues = new Map<number, RowIssue[]>([
    [7, [issue(at(7), 'Ext', 'error')]],
    [1, [issue(at(1), 'Email', 'error')]],
    [
      4,
      [
        issue(at(4), null, 'warning'),
        issue(at(4), 'Email', 'error'),
        issue(at(4), 'Ext', 'warning'),
      ],
    ],
  ]);
  return { counts: { total: table.rows.length, valid: 7, invalid: 3, warnings: 1 }, rowIssues };
}

describe('ReviewIndex (the validation main keeps for the review screen)', () => {
  const table = tableOf(10);
  const index = new ReviewIndex(table, validated(table));

  it('counts rows, problem rows, issues and errors, and knows the last row number', () => {
    expect(index.rowCount).toBe(10);
    expect([...index.problemRows]).toEqual([1, 4, 7]);
    expect(index.problemCount).toBe(5);
    expect(index.errorCount).toBe(3);
    expect(index.lastRow).toBe(table.rows[9]!.row);
  });

  it('pages through all rows with their cells and issues', () => {
    const page = index.rows(3, 3, 'all');
    expect(page.total).toBe(10);
    expect(page.rows.map((row) => row.row)).toEqual(table.rows.slice(3, 6).map((row) => row.row));
    expect(page.rows[0]!.issues).toEqual([]);
    expect(page.rows[1]!.issues).toHaveLength(3);
    expect(page.rows[2]!.cells).toEqual(['user5@example.com', '1005']);
  });

  it('pages through the problem rows only, the offset counting problem rows', () => {
    expect(index.rows(0, 10, 'problems').rows.map((row) => row.cells[1])).toEqual([
      '1001',
      '1004',
      '1007',
    ]);
    const second = index.rows(1, 1, 'problems');
    expect(second).toEqual({
      total: 3,
      rows: [expect.objectContaining({ cells: ['user4@example.com', '1004'] })],
    });
  });

  it('answers an empty page past the end, and a short one at the end', () => {
    expect(index.rows(10, 5, 'all')).toEqual({ total: 10, rows: [] });
    expect(index.rows(8, 5, 'all').rows).toHaveLength(2);
    expect(index.rows(3, 5, 'problems')).toEqual({ total: 3, rows: [] });
    expect(index.problems(5, 5)).toEqual({ total: 5, items: [] });
  });

  it('lists problems in row order, errors before warnings, from any offset', () => {
    const all = index.problems(0, 100).items;
    expect(all.map((item) => [item.row, item.column, item.severity])).toEqual([
      [table.rows[1]!.row, 'Email', 'error'],
      [table.rows[4]!.row, 'Email', 'error'],
      [table.rows[4]!.row, null, 'warning'],
      [table.rows[4]!.row, 'Ext', 'warning'],
      [table.rows[7]!.row, 'Ext', 'error'],
    ]);
    // Any window is the same slice, whether it starts at a row's first issue or inside it.
    for (let offset = 0; offset < 5; offset++) {
      for (let limit = 1; limit <= 5; limit++) {
        expect(index.problems(offset, limit).items).toEqual(all.slice(offset, offset + limit));
      }
    }
  });

  it('locates a source row among all rows or the problem rows', () => {
    expect(index.locate(table.rows[4]!.row, 'all')).toBe(4);
    expect(index.locate(table.rows[4]!.row, 'problems')).toBe(1);
    expect(index.locate(table.rows[5]!.row, 'problems')).toBe(-1);
    expect(index.locate(5, 'all')).toBe(-1); // a skipped row number
    expect(index.locate(1, 'all')).toBe(-1); // the header
  });

  it('has nothing to page through when no row has an issue', () => {
    const clean = new ReviewIndex(table, { counts: validated(table).counts, rowIssues: new Map() });
    expect(clean.problemCount).toBe(0);
    expect(clean.rows(0, 5, 'problems')).toEqual({ total: 0, rows: [] });
    expect(clean.problems(0, 5)).toEqual({ total: 0, items: [] });
  });
});

describe('OpenFiles keeps the last validation of each file', () => {
  it('refuses pages of a file not validated yet, or not open, with NOT_FOUND', () => {
    const files = new OpenFiles();
    const id = files.add(tableOf(3));
    expect(() => files.review(id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => files.review('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const table = tableOf(10);
    const other = files.add(table);
    files.setValidation(other, validated(table));
    expect(files.review(other).problemCount).toBe(5);
    files.setValidation(other, { counts: validated(table).counts, rowIssues: new Map() });
    expect(files.review(other).problemCount).toBe(0);
    files.close(other);
    expect(() => files.review(other)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('marks the cells the admin edited, with the value the file had, on the rows it pages', () => {
    const files = new OpenFiles();
    const table = tableOf(4);
    const id = files.add(table);
    files.edits(id).apply([{ row: table.rows[2]!.row, column: 'Ext', value: '2002' }]);
    const review = files.setValidation(id, {
      counts: { total: 4, valid: 4, invalid: 0, warnings: 0 },
      rowIssues: new Map(),
    });
    const page = review.rows(0, 4, 'all').rows;
    expect(page[2]).toMatchObject({ cells: ['user2@example.com', '2002'] });
    expect(page[2]!.edited).toEqual([{ column: 1, from: '1002' }]);
    expect(page[1]).not.toHaveProperty('edited');
  });

  it('drops a validation with its file when more files are opened than it keeps', () => {
    const files = new OpenFiles(1);
    const table = tableOf(10);
    const first = files.add(table);
    files.setValidation(first, validated(table));
    files.add(tableOf(2));
    expect(() => files.review(first)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('import:validate, import:rows, import:problems, import:locate', () => {
  const csv = [
    'Email,First Name,Last Name,Extension,Calling Plan',
    'ann@example.com,Ann,One,3001,US/CA Unlimited Calling',
    'bob@,Bob,Two,3002,US/CA Unlimited Calling',
    'cy@example.com,Cy,Three,3003,US/CA Unlimited Calling',
    'di@example.com,Di,Four,abc,US/CA Unlimited Calling',
  ].join('\r\n');

  async function opened() {
    const files = new OpenFiles();
    const handlers = importHandlers(files);
    const preview = await handlers['import:open']({
      target: 'zoom',
      kind: 'users',
      fileName: 'users.csv',
      dataBase64: Buffer.from(csv).toString('base64'),
    });
    return { files, handlers, fileId: preview.fileId, mapping: preview.suggestedMapping };
  }

  it('answers counts and layout facts without rows, then pages of rows and problems', async () => {
    const { handlers, fileId, mapping } = await opened();
    await expect(
      handlers['import:rows']({ fileId, offset: 0, limit: 10, only: 'all' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const view = await handlers['import:validate']({
      target: 'zoom',
      kind: 'users',
      fileId,
      mapping,
    });
    expect(view).not.toHaveProperty('rows');
    expect(view.rowCount).toBe(4);
    expect(view.lastRow).toBe(5);
    expect(view.columnWidths).toHaveLength(5);
    expect(view.problemRowCount).toBeGreaterThanOrEqual(2);
    const all = await handlers['import:rows']({ fileId, offset: 0, limit: 1000, only: 'all' });
    expect(all.total).toBe(4);
    expect(all.rows.map((row) => row.row)).toEqual([2, 3, 4, 5]);
    const bad = await handlers['import:rows']({ fileId, offset: 0, limit: 1000, only: 'problems' });
    expect(bad.total).toBe(view.problemRowCount);
    expect(bad.rows.map((row) => row.row)).toContain(3);
    expect(bad.rows.every((row) => row.issues.length > 0)).toBe(true);
    const problems = await handlers['import:problems']({ fileId, offset: 0, limit: 1000 });
    expect(problems.total).toBe(view.problemCount);
    expect(problems.items.some((item) => item.row === 3 && item.column === 'Email')).toBe(true);
    expect((await handlers['import:locate']({ fileId, row: 3, only: 'all' })).index).toBe(1);
    expect((await handlers['import:locate']({ fileId, row: 3, only: 'problems' })).index).toBe(0);
    expect((await handlers['import:locate']({ fileId, row: 99, only: 'all' })).index).toBe(-1);
    const column = await handlers['import:column']({ fileId, index: 0 });
    expect(column).toEqual({
      rows: [2, 3, 4, 5],
      values: ['ann@example.com', 'bob@', 'cy@example.com', 'di@example.com'],
    });
  });

  it('refuses an unknown file with NOT_FOUND', async () => {
    const { handlers } = await opened();
    await expect(
      handlers['import:problems']({ fileId: 'fmissing', offset: 0, limit: 5 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      handlers['import:locate']({ fileId: 'fmissing', row: 2, only: 'all' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
