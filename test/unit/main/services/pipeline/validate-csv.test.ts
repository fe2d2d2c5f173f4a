import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '../../../../../shared/datasets/registry';
import type { DatasetDef } from '../../../../../shared/datasets/dataset';
import { suggestMapping } from '../../../../../shared/mapping/suggest-mapping';
import { validateTable } from '../../../../../shared/validation/validate-table';
import { readTableFile } from '../../../../../main/services/files/read-table-file';
import { fileSource } from '../../../../../main/services/pipeline/byte-source';
import { PackedRow } from '../../../../../main/services/pipeline/packed-row';
import { readCsvTable } from '../../../../../main/services/pipeline/read-csv-table';
import {
  validateCsv,
  type PipelineProgress,
} from '../../../../../main/services/pipeline/validate-csv';
import { syntheticUsersCsv } from '../../../../../bench/helpers/users-csv-file';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const dataset = getDataset('zoom', 'users', { defaultCountry: 'US' }) as DatasetDef;
const spec = { target: 'zoom', kind: 'users', defaultCountry: 'US' } as const;

/** validateCsv on a file, mapped as the CLI maps it, and the reference results. */
async function both(
  path: string,
  opts: { workers: number; keepRows: boolean; maxStoredIssues?: number },
) {
  const table = await readTableFile(path);
  const mapping = suggestMapping(table.headers, dataset).mapping;
  const expected = validateTable(table, dataset, mapping);
  const actual = await validateCsv({
    source: fileSource(path, statSync(path).size, 'x.csv'),
    prepare: () => ({ dataset: spec, mapping }),
    inlineWhileStarting: false,
    ...opts,
  });
  return { table, expected, actual };
}

/** Threads of this process (Linux): a worker is one, so a leaked worker shows here. */
const threads = (): number => readdirSync('/proc/self/task').length;

describe('validateCsv gives validateTable results, rows read by readTableFile', () => {
  const files = ['csv', 'zoom-users'].flatMap((dir) =>
    readdirSync(`${FIXTURES}${dir}`)
      .filter((name) => /\.(csv|txt)$/.test(name))
      .map((name) => `${FIXTURES}${dir}/${name}`),
  );

  it('on every CSV fixture, checked in this thread, rows kept', async () => {
    for (const path of files) {
      let reference;
      try {
        reference = await readTableFile(path);
      } catch {
        continue; // empty or header-only: nothing to validate
      }
      if (reference.rows.length === 0) {
        continue;
      }
      const { table, expected, actual } = await both(path, { workers: 0, keepRows: true });
      expect(actual.counts, path).toEqual(expected.counts);
      expect(
        actual.table.rows.map((row) => ({ row: row.row, cells: row.cells })),
        path,
      ).toEqual(table.rows);
      expected.rows.forEach((row, i) => {
        expect(actual.rowIssues.get(i) ?? [], `${path} row ${row.row}`).toEqual(row.issues);
      });
    }
  });

  it('with worker threads, on the mixed-errors and phones fixtures', async () => {
    for (const path of [`${FIXTURES}zoom-users/mixed-errors.csv`, `${FIXTURES}csv/phones.csv`]) {
      const { expected, actual } = await both(path, { workers: 1, keepRows: false });
      expect(actual.counts).toEqual(expected.counts);
      expect(actual.issues).toEqual(expected.issues);
    }
  });
});

describe('validateCsv on a 20,000-row synthetic sheet', () => {
  let path: string;
  beforeAll(async () => {
    path = await syntheticUsersCsv(20_000);
  });

  it('gives the same counts and first issues with two workers, rows not kept', async () => {
    const { expected, actual } = await both(path, {
      workers: 2,
      keepRows: false,
      maxStoredIssues: 500,
    });
    expect(actual.counts).toEqual(expected.counts);
    expect(actual.issueCount).toBe(expected.issues.length);
    expect(actual.issues).toEqual(expected.issues.slice(0, 500));
    expect(actual.table.rows).toEqual([]);
  });

  it('keeps the rows readCsvTable keeps and checks nothing when prepare declines', async () => {
    const source = fileSource(path, statSync(path).size, 'x.csv');
    const { table } = await readCsvTable(source);
    const asked: string[][] = [];
    const actual = await validateCsv({
      source,
      keepRows: true,
      prepare: (headers) => {
        asked.push(headers);
        return undefined;
      },
    });
    expect(asked).toEqual([table.headers]);
    expect(actual.checked).toBe(false);
    expect(actual.counts.total).toBe(0);
    expect(actual.table.rows).toHaveLength(20_000);
    expect(actual.table.rows.map((row) => row.row)).toEqual(table.rows.map((row) => row.row));
    expect((actual.table.rows as PackedRow[]).map((row) => row.packed)).toEqual(
      (table.rows as PackedRow[]).map((row) => row.packed),
    );
  });

  it('refuses to neither check nor keep rows', async () => {
    await expect(
      validateCsv({
        source: fileSource(path, statSync(path).size, 'x.csv'),
        prepare: () => undefined,
      }),
    ).rejects.toThrow(/nothing to check and no rows to keep/);
  });

  it('reports progress in rows and bytes, ending at the whole file', async () => {
    const seen: PipelineProgress[] = [];
    const size = statSync(path).size;
    await validateCsv({
      source: fileSource(path, size, 'x.csv'),
      prepare: (headers) => ({ dataset: spec, mapping: suggestMapping(headers, dataset).mapping }),
      workers: 0,
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ rows: 20_000, bytesRead: size, totalBytes: size });
  });

  it('stops the read and every worker when cancelled', async () => {
    const before = existsSync('/proc/self/task') ? threads() : 0;
    const controller = new AbortController();
    const started = performance.now();
    const run = validateCsv({
      source: fileSource(path, statSync(path).size, 'x.csv'),
      prepare: (headers) => {
        // Cancel as soon as the workers exist, mid-file.
        setTimeout(() => controller.abort(), 5);
        return { dataset: spec, mapping: suggestMapping(headers, dataset).mapping };
      },
      workers: 2,
      signal: controller.signal,
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(performance.now() - started).toBeLessThan(5_000);
    if (before > 0) {
      // Terminated workers' threads are gone once terminate() has resolved.
      expect(threads()).toBeLessThanOrEqual(before);
    }
  });
});
