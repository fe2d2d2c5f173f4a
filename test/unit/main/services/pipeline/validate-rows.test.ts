import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../../../../shared/datasets/registry';
import type { DatasetDef } from '../../../../../shared/datasets/dataset';
import { suggestMapping } from '../../../../../shared/mapping/suggest-mapping';
import { validateTable } from '../../../../../shared/validation/validate-table';
import { fileSource } from '../../../../../main/services/pipeline/byte-source';
import { ReviewIndex } from '../../../../../main/app/review-index';
import { validateForReview } from '../../../../../main/services/pipeline/open-upload';
import { PackedRow } from '../../../../../main/services/pipeline/packed-row';
import { readCsvTable } from '../../../../../main/services/pipeline/read-csv-table';
import { validateRowsInWorkers } from '../../../../../main/services/pipeline/validate-rows';
import { syntheticUsersCsv } from '../../../../../bench/helpers/users-csv-file';
import { random, randomTable, ZOOM_KEYS } from '../../../shared/validation/random-users';

describe('validation of a table held in memory, on worker threads (import:validate)', () => {
  it('gives validateTable counts and row issues on a random sheet with duplicates', async () => {
    const table = randomTable(random(5), 6_000);
    const dataset = getDataset('zoom', 'users', { defaultCountry: 'US' }) as DatasetDef;
    const mapping = Object.fromEntries(ZOOM_KEYS.map((key) => [key, key]));
    const expected = validateTable(table, dataset, mapping);
    const actual = await validateRowsInWorkers(
      table,
      { target: 'zoom', kind: 'users', defaultCountry: 'US' },
      mapping,
      { workers: 2 },
    );
    expect(actual?.counts).toEqual(expected.counts);
    expected.rows.forEach((row, i) => {
      expect(actual?.rowIssues.get(i) ?? [], `row ${row.row}`).toEqual(row.issues);
    });
  });

  it('reads a streamed table (packed rows) and answers import:validate as validateTable would', async () => {
    const path = await syntheticUsersCsv(20_000);
    const { table } = await readCsvTable(fileSource(path, statSync(path).size, 'users.csv'));
    expect(table.rows[0]).toBeInstanceOf(PackedRow);
    const dataset = getDataset('zoom', 'users') as DatasetDef;
    const mapping = suggestMapping(table.headers, dataset).mapping;
    const expected = validateTable(table, dataset, mapping);
    const view = await validateForReview(table, { target: 'zoom', kind: 'users' }, mapping);
    expect(view?.counts).toEqual(expected.counts);
    const review = new ReviewIndex(table, view!);
    expect(review.rows(0, table.rows.length, 'all').rows).toEqual(
      expected.rows.map((row) => ({ row: row.row, cells: row.cells, issues: row.issues })),
    );
  });

  it('leaves small tables to validateTable', async () => {
    const table = randomTable(random(6), 50);
    expect(await validateForReview(table, { target: 'zoom', kind: 'users' }, {})).toBeUndefined();
  });

  it('falls back when a cell holds NUL, which no reader produces', async () => {
    const table = randomTable(random(7), 30);
    table.rows[3]!.cells[1] = 'a\u0000b';
    expect(
      await validateRowsInWorkers(table, { target: 'zoom', kind: 'users' }, {}, { workers: 0 }),
    ).toBeUndefined();
  });
});
