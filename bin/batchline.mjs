#!/usr/bin/env node
// The `batchline` command: runs the CLI bundle that `npm install` builds (scripts/build.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/batchline.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'batchline: the CLI is not built yet; run "npm install" (or "npm run build") in the batchline folder first.\n',
  );
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
