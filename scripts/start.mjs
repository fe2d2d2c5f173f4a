#!/usr/bin/env node
// Starts the built app (run scripts/build.mjs first; `npm start` does both).
//   node scripts/start.mjs          the desktop app, or browser mode when Electron is missing
//   node scripts/start.mjs --web    browser mode (dist/web/web-main.mjs) directly
// Extra arguments after the flags are passed to Electron.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const FALLBACK_NOTICE =
  'Electron is not installed on this machine (its binary download was skipped or failed); starting browser mode instead.';

/**
 * The Electron executable, or null when it is not there.
 *
 * `require('electron')` returns the binary's path, but when the binary is missing it first
 * tries to download it (printing, and possibly hanging on a network that blocks it), so the
 * package's own path.txt and dist/ are checked before it is required.
 */
function electronBinary() {
  const require = createRequire(import.meta.url);
  try {
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pathFile = path.join(packageDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    if (relative === '' && !override) {
      return null; // never installed: path.txt is written by the download
    }
    const expected = override
      ? path.join(override, relative || 'electron')
      : path.join(packageDir, 'dist', relative);
    if (!existsSync(expected)) {
      return null;
    }
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs a child with our stdio, forwards Ctrl+C/TERM to it and exits with its code. */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function requireBuilt(file) {
  if (!existsSync(path.join(root, file))) {
    process.stderr.write(
      `${file} is missing: run "node scripts/build.mjs" (or "npm start", which builds first).\n`,
    );
    process.exit(2);
  }
}

function startWeb() {
  requireBuilt('dist/web/web-main.mjs');
  run(process.execPath, [path.join(root, 'dist/web/web-main.mjs')]);
}

if (args.includes('--web')) {
  startWeb();
} else {
  const binary = electronBinary();
  if (binary === null) {
    process.stdout.write(`${FALLBACK_NOTICE}\n`);
    startWeb();
  } else {
    requireBuilt('dist/main/electron-main.cjs');
    run(binary, [path.join(root, 'dist/main/electron-main.cjs'), ...args]);
  }
}
