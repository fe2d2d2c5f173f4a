import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** What `new Worker(...)` needs to start the validate worker where this code runs. */
export interface WorkerEntry {
  filename: string | URL;
  options: WorkerOptions;
}

/**
 * Where the validate worker's code is, for the way batchline is running:
 * - from a bundle (dist/cli/batchline.mjs, dist/web/web-main.mjs, dist/main/electron-main.cjs):
 *   the worker bundle next to it, validate-worker.mjs or .cjs (scripts/build.mjs builds both);
 * - from source under tsx (tests, `npx tsx`): validate.worker.ts, loaded through tsx's ESM
 *   API from a tiny bootstrap. Passing `--import tsx` in the worker's execArgv is not enough
 *   on Node 20: the hooks it registers do not apply to the worker's entry module.
 * `override` (a worker bundle's URL) wins; the bench uses it to time the production worker.
 */
export function validateWorkerEntry(override?: URL): WorkerEntry {
  if (override) {
    return { filename: override, options: {} };
  }
  const here = import.meta.url;
  const extension = extname(fileURLToPath(here));
  if (extension !== '.ts') {
    return { filename: new URL(`./validate-worker${extension}`, here), options: {} };
  }
  const worker = new URL('./validate.worker.ts', here).href;
  const tsxPackage = createRequire(here).resolve('tsx/package.json');
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(tsxPackage)).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return { filename: bootstrap, options: { eval: true } };
}
