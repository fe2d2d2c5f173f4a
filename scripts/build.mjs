#!/usr/bin/env node
// Builds everything the app, browser mode and the CLI run from, in parallel, into dist/:
//   dist/renderer/            vite build of renderer/ (config renderer/vite.config.ts)
//   dist/main/electron-main.cjs  Electron main: every dependency bundled except `electron`,
//                             because the packaged app ships without node_modules dev deps
//   dist/main/preload.cjs     the sandboxed preload: one CJS file, no require at runtime
//   dist/web/web-main.mjs     browser mode (node_modules stays external: it runs from the repo)
//   dist/cli/batchline.mjs    the CLI, its dependencies bundled but exceljs (loaded when a
//                             workbook is written); skipped while its entry does not exist
//   dist/{cli,web}/validate-worker.mjs, dist/main/validate-worker.cjs  the pipeline's worker
// Prints one line per output with its time. Usage: node scripts/build.mjs
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cliBundleOptions } from './cli-bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = performance.now();

const common = {
  absWorkingDir: root,
  bundle: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __BATCHLINE_VERSION__: JSON.stringify(version) },
};

// ESM dependencies bundled into CJS lose import.meta.url; give them the file's real URL.
const cjsImportMetaUrl = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
};

const VALIDATE_WORKER = 'main/services/pipeline/validate.worker.ts';

const targets = [
  {
    name: 'dist/main/electron-main.cjs',
    entry: 'main/electron/electron-main.ts',
    options: {
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron'],
      sourcemap: 'linked',
      ...cjsImportMetaUrl,
    },
  },
  {
    name: 'dist/main/preload.cjs',
    entry: 'main/electron/preload.ts',
    options: { platform: 'node', format: 'cjs', target: 'chrome120', external: ['electron'] },
  },
  {
    name: 'dist/web/web-main.mjs',
    entry: 'main/web/web-main.ts',
    options: {
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
    },
  },
  {
    name: 'dist/cli/batchline.mjs',
    entry: 'main/cli/cli-main.ts',
    optional: true,
    options: { ...cliBundleOptions, sourcemap: 'linked' },
  },
  // The validate worker (main/services/pipeline): worker_threads load it from a file next to
  // the bundle that starts it (worker-entry.ts), so each bundle gets its own copy. Its
  // dependencies (zod, libphonenumber-js) are bundled in, unlike the CLI's: one file loads in
  // ~60 ms where resolving zod's modules one by one took ~150, for every worker.
  ...['dist/cli/validate-worker.mjs', 'dist/web/validate-worker.mjs'].map((name) => ({
    name,
    entry: VALIDATE_WORKER,
    options: { platform: 'node', format: 'esm', target: 'node20' },
  })),
  {
    name: 'dist/main/validate-worker.cjs',
    entry: VALIDATE_WORKER,
    options: { platform: 'node', format: 'cjs', target: 'node22', ...cjsImportMetaUrl },
  },
];

async function timed(name, work) {
  const t0 = performance.now();
  await work();
  const ms = Math.round(performance.now() - t0);
  const info = existsSync(path.join(root, name)) ? await stat(path.join(root, name)) : null;
  const kb = info?.isFile() ? ` ${(info.size / 1024).toFixed(0)} KB` : '';
  process.stdout.write(`build: ${name.padEnd(28)} ${String(ms).padStart(5)} ms${kb}\n`);
}

function bundle({ name, entry, options, optional }) {
  if (!existsSync(path.join(root, entry))) {
    if (optional) {
      process.stdout.write(`build: ${name.padEnd(28)} skipped (${entry} does not exist yet)\n`);
      return Promise.resolve();
    }
    throw new Error(`${entry} is missing`);
  }
  return timed(name, () => esbuild({ ...common, ...options, entryPoints: [entry], outfile: name }));
}

function renderer() {
  return timed('dist/renderer/', () =>
    viteBuild({
      configFile: path.join(root, 'renderer/vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    }),
  );
}

// allSettled, not all: one broken entry should not hide whether the others build.
const outcomes = await Promise.allSettled([renderer(), ...targets.map(bundle)]);
const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
for (const { reason } of failed) {
  // esbuild and vite have already printed the details of what failed.
  process.stderr.write(
    `build: failed: ${reason instanceof Error ? reason.message.split('\n')[0] : String(reason)}\n`,
  );
}
process.stdout.write(
  `build: ${failed.length === 0 ? 'done' : 'FAILED'} in ${Math.round(performance.now() - started)} ms\n`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
