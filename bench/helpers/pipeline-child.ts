import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { getDataset } from '../../shared/datasets/registry';
import type { DatasetDef } from '../../shared/datasets/dataset';
import { suggestMapping } from '../../shared/mapping/suggest-mapping';
import { fileSource } from '../../main/services/pipeline/byte-source';
import { OpenFiles } from '../../main/app/open-files';
import { importHandlers, previewSheet } from '../../main/ipc/import.ipc';
import type { MappingMemory } from '../../main/services/settings/mapping-memory';
import { streamCsv } from '../../main/services/pipeline/stream-csv';
import { validateCsv } from '../../main/services/pipeline/validate-csv';

/**
 * One measurement of bench/pipeline.ts, run in a fresh process (bundled by the bench, so no
 * tsx in the way): `node pipeline-child.mjs MODE FILE` prints one JSON line {rows, ms, maxRss}
 * where ms covers the work only and maxRss (bytes) the whole process, workers included.
 */
export type ChildMode =
  'papa-arrays' | 'papa-header' | 'parse' | 'one-thread' | 'pool-keep' | 'app' | 'app-remapped';

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
    case 'app':
    case 'app-remapped': {
      // The desktop app's path, as files:choose runs it: the file read from disk and opened
      // (rows kept, and checked while read with the suggested mapping), then what the
      // renderer calls next: import:validate and the review's first page of rows, each
      // reply serialised as the transport would. As for this month's HR export after last
      // month's: the mapping and default country (US) remembered for these columns.
      // 'app-remapped' validates with another mapping than the one suggested, so the check
      // made while reading cannot be used.
      const files = new OpenFiles();
      const memory: MappingMemory = {
        recall: (_target, _kind, headers) => ({
          mapping: suggestMapping(headers, dataset).mapping,
          country: spec.defaultCountry,
        }),
        remember: () => Promise.resolve(),
      };
      const preview = await previewSheet(
        { files, memory },
        {
          target: spec.target,
          kind: spec.kind,
          fileName: 'users.csv',
          bytes: await readFile(path),
          choices: {},
        },
      );
      const { fileId } = preview;
      const { site_name: _site, ...withoutSite } = preview.suggestedMapping;
      const handlers = importHandlers(files);
      const view = await handlers['import:validate']({
        target: spec.target,
        kind: spec.kind,
        fileId,
        mapping: mode === 'app' ? preview.suggestedMapping : withoutSite,
        ...(preview.suggestedCountry ? { country: preview.suggestedCountry } : {}),
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
