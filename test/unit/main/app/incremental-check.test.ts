import { describe, expect, it } from 'vitest';
import { IncrementalChecks, type CheckBasis } from '../../../../main/app/incremental-check';
import { OpenFiles } from '../../../../main/app/open-files';
import type { ReviewIndex } from '../../../../main/app/review-index';
import { getDataset } from '../../../../shared/datasets/registry';
import type { CellChange } from '../../../../shared/edits/cell-edit';
import type { RowIssue } from '../../../../shared/table/row-issue';
import type { SourceTable } from '../../../../shared/table/source-table';
import { validateTable } from '../../../../shared/validation/validate-table';
import { random, randomTable, ZOOM_KEYS } from '../../shared/validation/random-users';

/** What import:validate keeps: validateTable's counts and each row's issues by index. */
function fullCheck(table: SourceTable, basis: CheckBasis) {
  const dataset = getDataset(basis.target, basis.kind, { defaultCountry: basis.country })!;
  const validated = validateTable(table, dataset, basis.mapping);
  const rowIssues = new Map<number, RowIssue[]>();
  validated.rows.forEach((row, i) => row.issues.length > 0 && rowIssues.set(i, row.issues));
  return { counts: validated.counts, rowIssues };
}

function expectSameAsFull(review: ReviewIndex, basis: CheckBasis, label: string): void {
  const full = fullCheck(review.table, basis);
  expect(review.validation.counts, label).toEqual(full.counts);
  expect(
    [...review.validation.rowIssues.keys()].sort((a, b) => a - b),
    label,
  ).toEqual([...full.rowIssues.keys()].sort((a, b) => a - b));
  for (const [index, issues] of full.rowIssues) {
    expect(review.validation.rowIssues.get(index), `${label}, row index ${index}`).toEqual(issues);
  }
}

/** A table opened and checked in full, with the incremental state made from that check. */
async function opened(table: SourceTable, basis: CheckBasis) {
  const files = new OpenFiles();
  const fileId = files.add(table);
  files.setValidation(fileId, fullCheck(table, basis));
  const checks = new IncrementalChecks(files);
  await checks.track(fileId, basis);
  return { files, fileId, checks };
}

/**
 * Random edits of 1-4 cells, mostly in the columns checked for duplicates: a value copied
 * from another row (makes a duplicate, or ends one by changing the first holder), one from
 * the pool (bad or good), an empty cell, or putting an edited cell back to the file's value.
 */
async function editRandomly(
  table: SourceTable,
  basis: CheckBasis,
  hot: readonly string[],
  pool: readonly string[],
  seed: number,
  edits: number,
): Promise<void> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const { files, fileId, checks } = await opened(table, basis);
  for (let e = 0; e < edits; e++) {
    const changes: CellChange[] = [];
    for (let n = 1 + Math.floor(rnd() * rnd() * 4); n > 0; n--) {
      const column = rnd() < 0.8 ? pick(hot) : pick(table.headers);
      const at = table.headers.indexOf(column);
      const roll = rnd();
      const value = roll < 0.5 ? (pick(table.rows).cells[at] ?? '') : roll < 0.85 ? pick(pool) : '';
      changes.push({ row: pick(table.rows).row, column, value });
    }
    const reverting = rnd() < 0.1 && files.edits(fileId).count > 0;
    const cells = reverting ? files.edits(fileId).list().slice(0, 3) : changes;
    const pending = checks.prepare(
      fileId,
      basis,
      cells.map((cell) => cell.row),
    );
    expect(pending, `edit ${e} is checked incrementally`).toBeDefined();
    if (reverting) {
      files.edits(fileId).revert(cells);
    } else {
      files.edits(fileId).apply(changes);
    }
    expectSameAsFull(pending!.finish(), basis, `seed ${seed}, edit ${e}`);
  }
}

const zoomBasis = (country?: string): CheckBasis => ({
  target: 'zoom',
  kind: 'users',
  mapping: Object.fromEntries(ZOOM_KEYS.map((key) => [key, key])),
  ...(country ? { country } : {}),
});

/** A PortSIP users sheet whose extensions and names repeat, some of them invalid. */
function portsipTable(rnd: () => number, rows: number): SourceTable {
  const headers = ['name', 'password', 'extension_number', 'display_name', 'email'];
  return {
    fileName: 'portsip.csv',
    format: 'csv',
    headerRow: 1,
    headers,
    rows: Array.from({ length: rows }, (_, i) => ({
      row: 2 + i,
      cells: [
        `User${Math.floor(rnd() * rows)}`,
        'Change-Me-2024',
        rnd() < 0.1 ? '12a' : String(100 + Math.floor(rnd() * rows)),
        rnd() < 0.5 ? '' : `Person ${i}`,
        rnd() < 0.1 ? 'bad@' : `u${i}@example.com`,
      ],
    })),
    issues: [],
    skippedEmpty: 0,
  };
}

describe('checking an edit on the rows it touches (IncrementalChecks)', () => {
  // Each edit is compared with validateTable of the whole sheet, which is what takes the time.
  for (const [seed, country] of [
    [1, 'US'],
    [2, undefined],
    [3, 'GB'],
  ] as const) {
    it(`gives the issues, order and counts of a full check after each of many random Zoom edits (seed ${seed})`, async () => {
      const table = randomTable(random(seed), 300);
      const hot = ['email', 'extension_number', 'phone_numbers', 'desk_phone_mac'];
      const pool = [
        'user1@example.com',
        'bad.example.com',
        '1001',
        '01001',
        '12a',
        '+14155550100',
        '(415) 555-0100; +14155550101',
        '80:5E:C0:11:22:01',
        '805e.c011.2201',
        'zz',
        ' ',
      ];
      await editRandomly(table, zoomBasis(country), hot, pool, seed, 80);
    }, 30_000);
  }

  it('gives the issues, order and counts of a full check after each of many random PortSIP edits', async () => {
    const table = portsipTable(random(7), 250);
    const basis: CheckBasis = {
      target: 'portsip',
      kind: 'users',
      mapping: Object.fromEntries(table.headers.map((header) => [header, header])),
    };
    const pool = ['User1', 'user1', '101', '102', '12a', 'bad@', 'x@example.com'];
    await editRandomly(table, basis, ['name', 'extension_number'], pool, 7, 120);
  }, 30_000);

  it('leaves to a full check other mappings or countries, many rows, and validations it did not make', async () => {
    const table = randomTable(random(5), 300);
    const basis = zoomBasis('US');
    const { files, fileId, checks } = await opened(table, basis);
    const few = [table.rows[0]!.row, table.rows[1]!.row];
    expect(checks.prepare(fileId, basis, few)).toBeDefined();
    expect(checks.prepare(fileId, { ...basis, country: 'GB' }, few)).toBeUndefined();
    const { email: _email, ...unmapped } = basis.mapping;
    expect(checks.prepare(fileId, { ...basis, mapping: unmapped }, few)).toBeUndefined();
    expect(
      checks.prepare(
        fileId,
        basis,
        table.rows.slice(0, 40).map((r) => r.row),
      ),
    ).toBeUndefined();
    files.setValidation(fileId, fullCheck(table, basis));
    expect(checks.prepare(fileId, basis, few)).toBeUndefined();
  });

  it('never tracks a dataset checked across rows (Webex workspace numbers)', async () => {
    const table: SourceTable = {
      fileName: 'numbers.csv',
      format: 'csv',
      headerRow: 1,
      headers: ['workspace_id', 'phone_number'],
      rows: [{ row: 2, cells: ['Lobby', '+14155550100'] }],
      issues: [],
      skippedEmpty: 0,
    };
    const basis: CheckBasis = {
      target: 'webex',
      kind: 'workspace-numbers',
      mapping: { workspace_id: 'workspace_id', phone_number: 'phone_number' },
    };
    const { fileId, checks } = await opened(table, basis);
    expect(checks.prepare(fileId, basis, [2])).toBeUndefined();
  });
});
