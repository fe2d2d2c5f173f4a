import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_FUSES } from '../../../build/after-pack.mjs';
import { MUST_PACK, checkBuilderConfig } from '../../../scripts/check-builder-config';

// The checker on a small project made here (the build's outputs as stubs, the real build/
// resources and electron-builder.yml), so it runs without `node scripts/build.mjs`.
const repo = path.resolve(import.meta.dirname, '../../..');
let root: string;

function realConfig(): Record<string, unknown> & { files: string[] } {
  return yaml.load(readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as never;
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'batchline-check-dist-'));
  cpSync(path.join(repo, 'build'), path.join(root, 'build'), { recursive: true });
  cpSync(path.join(repo, 'package.json'), path.join(root, 'package.json'));
  for (const file of [
    ...MUST_PACK,
    'dist/renderer/assets/index-abc.js',
    'dist/main/electron-main.cjs.map',
  ]) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'require("node:fs"); require("electron");\n');
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('checkBuilderConfig', () => {
  it('passes the real electron-builder.yml and fuse list', () => {
    expect(checkBuilderConfig(realConfig(), root, ELECTRON_FUSES)).toEqual([]);
  });

  it('names a missing icon file', () => {
    rmSync(path.join(root, 'build/batchline-file.ico'));
    try {
      expect(checkBuilderConfig(realConfig(), root, ELECTRON_FUSES)).toEqual([
        'electron-builder.yml: fileAssociations[0].icon (Windows) names "batchline-file.ico", which does not exist',
      ]);
    } finally {
      cpSync(
        path.join(repo, 'build/batchline-file.ico'),
        path.join(root, 'build/batchline-file.ico'),
      );
    }
  });

  it('names every renderer file a files pattern drops, and sources it packs', () => {
    const config = {
      ...realConfig(),
      files: ['dist/main/**', 'package.json', 'test/**', '!**/*.map'],
    };
    const problems = checkBuilderConfig(config, root, ELECTRON_FUSES);
    expect(problems).toContain(
      'electron-builder.yml: files does not pack dist/renderer/index.html',
    );
    expect(problems).toContain(
      'electron-builder.yml: files does not pack dist/renderer/assets/index-abc.js',
    );
    expect(problems).toContain(
      'electron-builder.yml: files packs test/unit/main/electron/permissions.test.ts, which must stay out of the installer',
    );
  });

  it('reports schema errors, a weakened fuse and a bundle that needs node_modules', () => {
    const config = { ...realConfig(), nsis: { perMachine: false, oneClik: false } };
    writeFileSync(path.join(root, 'dist/main/preload.cjs'), 'require("zod");\n');
    const problems = checkBuilderConfig(config, root, { ...ELECTRON_FUSES, RunAsNode: true });
    writeFileSync(path.join(root, 'dist/main/preload.cjs'), '');
    expect(problems).toEqual([
      'electron-builder.yml: /nsis must NOT have additional properties: "oneClik" (electron-builder schema)',
      'build/after-pack.mjs: ELECTRON_FUSES.RunAsNode must be false, is true',
      'dist/main/preload.cjs: requires "zod", but the package ships no node_modules (bundle it in scripts/build.mjs)',
    ]);
  });
});
