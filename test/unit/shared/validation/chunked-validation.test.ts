import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import type { DatasetDef } from '../../../../shared/datasets/dataset';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import type { SourceTable } from '../../../../shared/table/source-table';
import { mappedColumns } from '../../../../shared/validation/mapped-columns';
import { chunkTask, packCells, PackedStrings } from '../../../../shared/validation/packed-rows';
import { createChunkValidator, uniqueChecks } from '../../../../shared/validation/validate-chunk';
import { groupByRow, validateTable } from '../../../../shared/validation/validate-table';
import {
  ValidationCollector,
  type RowBatch,
} from '../../../../shared/validation/validation-collector';
import { random, randomTable, ZOOM_KEYS } from './random-users';

/**
 * The pipeline's validation done by hand in this thread: rows in batches of random sizes,
 * each checked by the chunk validator (what a worker runs) and collected in order. It must
 * give validateTable's results exactly.
 */
function chunked(
  table: SourceTable,
  dataset: DatasetDef,
  mapping: Record<string, string>,
  opts: { keepRowIssues: boolean; maxStoredIssues: number; seed: number },
): ValidationCollector {
  const columns = mappedColumns(table.headers, dataset, mapping);
  const validate = createChunkValidator(dataset, columns);
  const collector = new ValidationCollector({ uniques: uniqueChecks(dataset, columns), ...opts });
  const readIssues = groupByRow(table.issues);
  const rnd = random(opts.seed);
  if (rnd() < 0.5) {
    collector.reserve(table.rows.length);
  }
  for (let first = 0; first < table.rows.length;) {
    const size = 1 + Math.floor(rnd() * 300);
    const packed = new PackedStrings();
    const batch: RowBatch = { first, rows: [], packed, readIssues: new Map(), sent: [] };
    for (const source of table.rows.slice(first, first + size)) {
      const index = batch.rows.length;
      batch.rows.push(source.row);
      packed.push(packCells(source.cells)!);
      const issues = readIssues.get(source.row);
      if (issues) {
        batch.readIssues.set(index, issues);
      }
      if (!issues?.some((issue) => issue.severity === 'error')) {
        batch.sent.push(index);
      }
    }
    const outcome =
      batch.sent.length === 0
        ? undefined
        : validate(
            chunkTask(
              batch.sent.map((i) => batch.rows[i]!),
              batch.sent.map((i) => packed.get(i)),
              collector.wantsIssues(),
            ),
          );
    collector.add(batch, outcome);
    first += size;
  }
  return collector;
}

function expectSame(
  table: SourceTable,
  dataset: DatasetDef,
  mapping: Record<string, string>,
  seed: number,
): void {
  const expected = validateTable(table, dataset, mapping);
  const kept = chunked(table, dataset, mapping, { keepRowIssues: true, maxStoredIssues: 0, seed });
  expect(kept.counts).toEqual(expected.counts);
  expected.rows.forEach((row, i) => {
    expect(kept.rowIssues.get(i) ?? [], `row ${row.row}`).toEqual(row.issues);
  });
  for (const cap of [0, 7, 100_000]) {
    const capped = chunked(table, dataset, mapping, {
      keepRowIssues: false,
      maxStoredIssues: cap,
      seed,
    });
    expect(capped.counts).toEqual(expected.counts);
    expect(capped.issueCount).toBe(expected.issues.length);
    expect(capped.issues).toEqual(expected.issues.slice(0, cap));
  }
}

const FIXTURES = new URL('../../../fixtures/', import.meta.url);

describe('chunked validation (what the pipeline runs) against validateTable', () => {
  for (const dir of ['csv', 'zoom-users']) {
    for (const name of readdirSync(new URL(`${dir}/`, FIXTURES)).filter((f) =>
      /\.(csv|txt)$/.test(f),
    )) {
      it(`gives the same counts and issues on fixtures/${dir}/${name}`, () => {
        const text = decodeText(readFileSync(new URL(`${dir}/${name}`, FIXTURES))).text;
        const table = parseCsv(text, name);
        for (const country of ['US', undefined]) {
          const dataset = createZoomUsersDataset(country ? { defaultCountry: country } : {});
          expectSame(table, dataset, suggestMapping(table.headers, dataset).mapping, name.length);
        }
      });
    }
  }

  it('gives the same counts and issues on random sheets with duplicates and ragged rows', () => {
    const rnd = random(99);
    for (let t = 0; t < 12; t++) {
      const table = randomTable(rnd, 200 + Math.floor(rnd() * 1500));
      const dataset = createZoomUsersDataset(t % 3 === 0 ? {} : { defaultCountry: 'US' });
      const mapping = Object.fromEntries(ZOOM_KEYS.map((key) => [key, key]));
      if (t % 4 === 1) {
        delete mapping.phone_numbers;
      }
      expectSame(table, dataset, mapping, t);
    }
  });
});
