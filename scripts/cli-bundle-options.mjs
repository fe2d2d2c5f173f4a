// How the CLI is bundled, shared by scripts/build.mjs and the bundles the benchmarks and the
// CLI's integration tests build, so all of them measure and test what ships.
//
// Dependencies are bundled in: one file starts in ~0.11 s where resolving zod's, papaparse's
// and libphonenumber's modules one by one took ~0.18 s, on every command. exceljs stays out:
// it is loaded only when a workbook is written (xlsx-workbook.ts). The bundle is ESM with
// CommonJS dependencies (papaparse) inside, whose require shim needs a real `require`.
export const cliBundleOptions = {
  platform: 'node',
  format: 'esm',
  target: 'node20',
  bundle: true,
  external: ['exceljs'],
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __batchlineRequire } from 'node:module';",
      'const require = __batchlineRequire(import.meta.url);',
    ].join('\n'),
  },
};
