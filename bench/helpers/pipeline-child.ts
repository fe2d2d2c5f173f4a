import { createReadStream, statSync } from 'node:fs';
import Papa from 'papaparse';
import { getDataset } from '../../shared/datasets/registry';
import type { DatasetDef } from '../../shared/datasets/dataset';
import { suggestMapping } from '../../shared/mapping/suggest-mapping';
import { fileSource } from '../../main/services/pipeline/byte-source';
import { OpenFiles } from '../../main/app/open-files';
import { importHandlers } from '../../main/ipc/import.ipc';
import { readCsvTable } from '../../main/services/pipeline/read-csv-table';
import { streamCsv } from '../../main/services/pipeline/stream-csv';
import { validateCsv } from '../../main/services/pipeline/validate-csv';

/**
 * One measurement of bench/pipeline.ts, run in a fresh process (bundled by the bench, so no
 * tsx in the way): `node pipeline-child.mjs MODE FILE` prints one JSON line {rows, ms, maxRss}
 * where ms covers the work only and maxRss (bytes) the whole process, workers included.
 */
export type ChildMode =
  'papa-arrays' | 'papa-header' | 'parse' | 'one-thread' | 'pool-keep' | 'app';

const spec = { target: 'zoom', kind: 'users', defaultCountry: 'US' } as const;
const dataset = getDataset('zoom', 'users', { defaultCountry: 'US' }) as DatasetDef;

async function papa(path: string, header: boolean): Promise<number> {
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    // encoding 'utf8' or multi-byte characters cut by a chunk boundary decode wrong
    // (PERFORMANCE.md); the chunk callback is papaparse's fastest streaming mode.
    Papa.parse(createReadStream(path, { encoding: 'utf8' }) as unknown as File, {
      header,
      chunk: (result: Papa.ParseResult<unknown>) => {
        rows += result.data.length;
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
  return header ? rows : rows - 1;
}

async function measure(mode: ChildMode, path: string): Promise<number> {
  const source = fileSource(path, statSync(path).size, 'users.csv');
  const prepare = (headers: string[]) => ({
    dataset: spec,
    mapping: suggestMapping(headers, dataset).mapping,
  });
  switch (mode) {
    case 'papa-arrays':
      return papa(path, false);
    case 'papa-header':
      return papa(path, true);
    case 'parse': {
      let rows = 0;
      await streamCsv(source, {}, { issue: () => undefined, row: () => rows++ });
      return rows;
    }
    case 'one-thread':
      return (await validateCsv({ source, prepare, workers: 0 })).counts.total;
    case 'pool-keep': {
      const result = await validateCsv({
        source,
        prepare,
        keepRows: true,
        inlineWhileStarting: true,
      });
      return result.table.rows.length;
    }
    case 'app': {
      // The app's path: import:open reads and keeps every row; then the handlers the
      // renderer calls: import:validate (workers; the validation stays with the open file)
      // and the review's first page of rows, each reply serialised as the transport would.
      const { table } = await readCsvTable(source);
      const files = new OpenFiles();
      const fileId = files.add(table);
      const handlers = importHandlers(files);
      const view = await handlers['import:validate']({
        target: spec.target,
        kind: spec.kind,
        fileId,
        mapping: suggestMapping(table.headers, dataset).mapping,
        country: spec.defaultCountry,
      });
      const page = await handlers['import:rows']({ fileId, offset: 0, limit: 200, only: 'all' });
      const bytes = JSON.stringify(view).length + JSON.stringify(page).length;
      return bytes > 0 && page.rows.length === Math.min(200, view.rowCount) ? view.rowCount : 0;
    }
  }
}

const [mode, path] = process.argv.slice(2) as [ChildMode, string];
const started = performance.now();
const rows = await measure(mode, path);
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ rows, ms, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
