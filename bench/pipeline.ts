/**
 * Reading + validating a users CSV: batchline's pipeline against papaparse alone.
 *
 *   node --import tsx bench/pipeline.ts [--rows 100000,1000000] [--runs 3]
 *
 * For each size, a deterministic synthetic Zoom users CSV (12 columns, BOM, quoted commas and
 * line breaks, accented and CJK names; 1M rows ≈ 137 MB) is generated once into
 * os.tmpdir()/batchline-bench. Each line below is the median of `--runs` fresh processes
 * (bundled with esbuild first, as the app ships, so tsx is not measured):
 *   papaparse streaming (arrays)   Papa.parse on a utf8 file stream, chunk callback
 *   papaparse header:true          the same, objects keyed by header
 *   batchline parse only           the streaming reader: decode, parse, row numbers, issues
 *   batchline 1 thread             parse + map + validate + phone normalise, no workers
 *   batchline pool, rows kept      the same with worker threads, every row kept for review
 *   batchline app path             files:choose's open (file read, rows kept and checked on
 *                                  workers while read, with the suggested mapping), then
 *                                  import:validate and the review's first page of rows
 *     … mapping changed            the same, validated with another mapping: the check made
 *                                  while reading is dropped and a new one runs
 *   batchline validate (CLI)       `batchline validate FILE --json`: rows not kept; timed
 *                                  from spawn to exit, so node's start-up is included
 * with rows/s, MB/s, peak RSS (process.resourceUsage().maxRSS, workers included) and the
 * time as a multiple of papaparse streaming's in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { cliBundleOptions } from '../scripts/cli-bundle-options.mjs';
import type { ChildMode } from './helpers/pipeline-child';
import { syntheticUsersCsv } from './helpers/users-csv-file';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000,1000000' },
    runs: { type: 'string', default: '3' },
  },
});
const SIZES = (values.rows ?? '').split(',').map(Number);
const RUNS = Number(values.runs);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'test-output', 'bench-pipeline');
const RSS_REPORTER = fileURLToPath(new URL('./helpers/report-max-rss.mjs', import.meta.url));

interface Measured {
  rows: number;
  ms: number;
  maxRss: number;
}

const LINES: { label: string; run: (file: string) => Promise<Measured> }[] = [
  { label: 'papaparse streaming (arrays)', run: (file) => child('papa-arrays', file) },
  { label: 'papaparse header:true', run: (file) => child('papa-header', file) },
  { label: 'batchline parse only', run: (file) => child('parse', file) },
  { label: 'batchline 1 thread', run: (file) => child('one-thread', file) },
  { label: 'batchline pool, rows kept', run: (file) => child('pool-keep', file) },
  { label: 'batchline app path', run: (file) => child('app', file) },
  { label: '  … mapping changed', run: (file) => child('app-remapped', file) },
  { label: 'batchline validate (CLI)', run: cli },
];

/** Bundles the child and the CLI next to one validate worker, as scripts/build.mjs does. */
async function bundle(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { __BATCHLINE_VERSION__: '"bench"' },
  } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: ['bench/helpers/pipeline-child.ts'],
      outfile: join(OUT, 'child.mjs'),
    }),
    // As scripts/build.mjs builds the CLI (scripts/cli-bundle-options.mjs).
    build({
      ...common,
      ...cliBundleOptions,
      packages: undefined,
      entryPoints: ['main/cli/cli-main.ts'],
      outfile: join(OUT, 'batchline.mjs'),
    }),
    // As scripts/build.mjs builds it: dependencies bundled in, so it starts faster.
    build({
      ...common,
      packages: undefined,
      entryPoints: ['main/services/pipeline/validate.worker.ts'],
      outfile: join(OUT, 'validate-worker.mjs'),
    }),
  ]);
}

function spawnNode(args: string[]): Promise<{ stdout: string; ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ stdout, ms: performance.now() - started, code }));
  });
}

async function child(mode: ChildMode, file: string): Promise<Measured> {
  const { stdout } = await spawnNode([join(OUT, 'child.mjs'), mode, file]);
  return JSON.parse(stdout) as Measured;
}

async function cli(file: string): Promise<Measured> {
  const rssFile = join(OUT, `max-rss-${process.pid}.txt`);
  process.env.BATCHLINE_MAX_RSS_FILE = rssFile;
  const args = ['--import', RSS_REPORTER, join(OUT, 'batchline.mjs'), 'validate', file];
  const run = await spawnNode([
    ...args,
    '--target',
    'zoom',
    '--kind',
    'users',
    '--country',
    'US',
    '--json',
  ]);
  const report = JSON.parse(run.stdout) as { total: number };
  const { readFile } = await import('node:fs/promises');
  return { rows: report.total, ms: run.ms, maxRss: Number(await readFile(rssFile, 'utf8')) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

await bundle();
console.log(
  `bench/pipeline: ${availableParallelism()} cores, node ${process.version}, median of ${RUNS} fresh processes each, load average ${loadavg()[0]!.toFixed(2)}`,
);
for (const rows of SIZES) {
  const file = await syntheticUsersCsv(rows);
  const mb = (await stat(file)).size / 1024 / 1024;
  console.log(`\n${rows.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB`);
  console.log(
    `  ${'what'.padEnd(30)} ${'time'.padStart(8)} ${'rows/s'.padStart(10)} ${'MB/s'.padStart(7)} ${'peak RSS'.padStart(9)} ${'× papa'.padStart(7)}`,
  );
  let papaMs = 0;
  for (const line of LINES) {
    const runs: Measured[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await line.run(file));
    }
    const ms = median(runs.map((run) => run.ms));
    const rss = median(runs.map((run) => run.maxRss)) / 1024 / 1024;
    if (runs.some((run) => run.rows !== rows)) {
      throw new Error(
        `${line.label}: read ${runs.map((run) => run.rows).join(', ')} rows, expected ${rows}`,
      );
    }
    papaMs ||= ms;
    console.log(
      `  ${line.label.padEnd(30)} ${`${(ms / 1000).toFixed(2)} s`.padStart(8)} ${Math.round(
        (rows / ms) * 1000,
      )
        .toLocaleString('en-US')
        .padStart(
          10,
        )} ${(mb / (ms / 1000)).toFixed(0).padStart(7)} ${`${rss.toFixed(0)} MB`.padStart(9)} ${`${(ms / papaMs).toFixed(2)}×`.padStart(7)}`,
    );
  }
}
console.log(`\nload average after: ${loadavg()[0]!.toFixed(2)}`);
