// `npm run check:dist`: what CI can check of the installers without the Electron binary
// (electron-builder itself can never run there). Run after `node scripts/build.mjs`.
// Every problem names the file it is about; exits 1 when there is any.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { createFilesFilter, listFiles, type FilesEntry } from './builder-files';

const CONFIG = 'electron-builder.yml';

/** What every packaged build must pack: main, preload, the pipeline worker, the renderer. */
export const MUST_PACK = [
  'dist/main/electron-main.cjs',
  'dist/main/preload.cjs',
  'dist/main/validate-worker.cjs',
  'dist/renderer/index.html',
];
/** Samples of what must never be packed: tests, TypeScript sources, source maps, modules. */
export const MUST_NOT_PACK = [
  'test/unit/main/electron/permissions.test.ts',
  'main/electron/electron-main.ts',
  'renderer/main.tsx',
  'dist/main/electron-main.cjs.map',
  'node_modules/zod/package.json',
];
/** The fuse settings the hardening review asked for (build/after-pack.mjs must match). */
export const REQUIRED_FUSES: Record<string, boolean> = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

type Config = Record<string, unknown> & {
  directories?: { buildResources?: string };
  files?: FilesEntry[];
  extraMetadata?: { main?: string };
  fileAssociations?: { ext: string; icon?: string }[];
  mac?: { icon?: string; entitlements?: string; entitlementsInherit?: string };
};

function schemaProblems(config: unknown): string[] {
  const schemaPath = path.join(
    path.dirname(fileURLToPath(import.meta.resolve('app-builder-lib'))),
    '..',
    'scheme.json',
  );
  // The options electron-builder validates with (app-builder-lib schemaValidator.js).
  const validate = new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(schemaPath, 'utf8')),
  );
  if (validate(config)) {
    return [];
  }
  // Like electron-builder's report: no anyOf/oneOf summaries and no "must be null" from the
  // null branch of `mac: Options | null`; the specific error is listed beside them.
  const errors = (validate.errors ?? []).filter(
    (error) =>
      !['anyOf', 'oneOf', 'if'].includes(error.keyword) &&
      !(error.keyword === 'type' && error.params.type === 'null'),
  );
  return errors.map((error) => {
    const extra = error.params.additionalProperty as string | undefined;
    const what = `${error.message ?? 'is invalid'}${extra === undefined ? '' : `: "${extra}"`}`;
    return `${CONFIG}: ${error.instancePath || '(root)'} ${what} (electron-builder schema)`;
  });
}

/** Files the config names, resolved like electron-builder (build resources, then project). */
function referencedFiles(config: Config, root: string): [string, string][] {
  const resources = config.directories?.buildResources ?? 'build';
  const named: [string, string | undefined][] = [
    ['icon', config.icon as string | undefined],
    ['mac.icon', config.mac?.icon],
    ['mac.entitlements', config.mac?.entitlements],
    ['mac.entitlementsInherit', config.mac?.entitlementsInherit],
    ['afterPack', config.afterPack as string | undefined],
  ];
  for (const [i, association] of (config.fileAssociations ?? []).entries()) {
    // Copied as they are, never converted: one per platform (builder-util getPlatformIconFileName).
    const base = association.icon ?? association.ext;
    named.push([
      `fileAssociations[${i}].icon (Windows)`,
      base.includes('.') ? base : `${base}.ico`,
    ]);
    named.push([`fileAssociations[${i}].icon (macOS)`, base.includes('.') ? base : `${base}.icns`]);
  }
  const problems: [string, string][] = [];
  for (const [key, value] of named) {
    if (
      value !== undefined &&
      ![path.join(root, resources, value), path.join(root, value)].some((p) => existsSync(p))
    ) {
      problems.push([key, value]);
    }
  }
  return problems;
}

function bundleProblems(root: string): string[] {
  const allowed = new Set([
    'electron',
    ...builtinModules,
    ...builtinModules.map((name) => `node:${name}`),
  ]);
  return listFiles(root, path.join(root, 'dist/main'))
    .filter((file) => file.endsWith('.cjs'))
    .flatMap((file) => {
      const required = [
        ...readFileSync(path.join(root, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g),
      ].map((m) => m[1] ?? '');
      return [...new Set(required.filter((name) => !allowed.has(name)))].map(
        (name) =>
          `${file}: requires "${name}", but the package ships no node_modules (bundle it in scripts/build.mjs)`,
      );
    });
}

/** Every problem with `config` for the project at `root`; `fuses` is the hook's ELECTRON_FUSES. */
export function checkBuilderConfig(
  config: unknown,
  root: string,
  fuses: Readonly<Record<string, boolean>>,
): string[] {
  const problems = schemaProblems(config);
  const cfg = (config ?? {}) as Config;
  for (const [key, value] of referencedFiles(cfg, root)) {
    problems.push(`${CONFIG}: ${key} names "${value}", which does not exist`);
  }
  const packs = createFilesFilter(cfg.files);
  const built = listFiles(root, path.join(root, 'dist'));
  for (const file of [...MUST_PACK, ...built.filter((f) => f.startsWith('dist/renderer/'))]) {
    if (!packs(file)) {
      problems.push(`${CONFIG}: files does not pack ${file}`);
    }
  }
  for (const file of [...MUST_NOT_PACK, ...built.filter((f) => f.endsWith('.map'))]) {
    if (packs(file)) {
      problems.push(`${CONFIG}: files packs ${file}, which must stay out of the installer`);
    }
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    main?: string;
  };
  const main = cfg.extraMetadata?.main ?? pkg.main;
  if (main === undefined || !existsSync(path.join(root, main)) || !packs(main)) {
    problems.push(
      `${CONFIG}: extraMetadata.main / package.json main "${main}" is not a packed file the build produces`,
    );
  }
  if (cfg.asar === false) {
    problems.push(`${CONFIG}: asar is false, but the OnlyLoadAppFromAsar fuse needs app.asar`);
  }
  for (const [name, value] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[name] !== value) {
      problems.push(
        `build/after-pack.mjs: ELECTRON_FUSES.${name} must be ${value}, is ${String(fuses[name])}`,
      );
    }
  }
  return [...new Set([...problems, ...bundleProblems(root)])];
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { ELECTRON_FUSES } = await import('../build/after-pack.mjs');
  const config = yaml.load(readFileSync(path.join(root, CONFIG), 'utf8'));
  const problems = checkBuilderConfig(config, root, ELECTRON_FUSES);
  for (const problem of problems) {
    process.stderr.write(`check:dist: ${problem}\n`);
  }
  process.stdout.write(
    `check:dist: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}\n`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
