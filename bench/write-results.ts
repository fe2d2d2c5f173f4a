/**
 * Results writing speed: 100,000 result rows (12 source columns + 4 result columns) to CSV
 * and XLSX, batchline's writers beside the bare libraries.
 *
 *   node --import tsx bench/write-results.ts [--rows 100000] [--runs 3] [--stream]
 *
 * Cases, each run in a fresh child process so that peak RSS belongs to that case alone:
 *   csv  batchline   writeCsvFile: BOM, CRLF, formulas neutralised, streamed, atomic
 *   csv  papaparse   Papa.unparse of the same rows (CRLF), then one writeFile
 *   xlsx batchline   writeXlsxFile(resultsSheets): inline-string cells, text format, status
 *                    colours, bold frozen filtered header, Summary sheet, atomic
 *   xlsx exceljs     exceljs streaming WorkbookWriter alone: plain strings, no styles
 * Prints rows/s, MB/s of output and peak RSS (median time of --runs fresh processes). The rows
 * are an array built before the clock starts; --stream hands the writers a generator instead,
 * so peak RSS shows what the writer itself holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { writeCsvFile } from '../main/services/files/write-csv-file';
import { writeXlsxFile } from '../main/services/files/write-xlsx-file';
import { resultsSheets } from '../main/services/files/xlsx-writer/results-workbook';
import type { ResultsSummary } from '../shared/results/results-summary';
import { RESULT_COLUMNS } from '../shared/results/results-table';
import { FIRST, LAST, SITES } from './helpers/synthetic-names';

const CASES = ['csv-batchline', 'csv-papaparse', 'xlsx-batchline', 'xlsx-exceljs'] as const;
type CaseName = (typeof CASES)[number];

interface CaseResult {
  name: CaseName;
  rows: number;
  ms: number;
  bytes: number;
  /** Peak resident set of the whole process, MB. */
  peakRssMb: number;
  /** Resident set once the rows were built, before writing, MB. */
  baseRssMb: number;
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    case: { type: 'string' },
    out: { type: 'string' },
    stream: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);

const SOURCE_HEADERS = [
  'Work Email',
  'Given Name',
  'Surname',
  'Ext',
  'Direct Dial',
  'Calling Plan',
  'Site',
  'Caller ID',
  'SMS',
  'Desk Phone MAC',
  'Desk Phone Model',
  'Notes',
];
const STATUSES = ['created', 'created', 'created', 'created', 'skipped', 'failed', 'invalid'];

/** Result row i: source cells with quotes, commas, line breaks, + and = starts. */
function resultRow(i: number): string[] {
  const status = STATUSES[i % STATUSES.length] ?? 'created';
  return [
    `user${i}@example.com`,
    FIRST[i % FIRST.length] ?? '',
    LAST[(i * 7) % LAST.length] ?? '',
    String(1000 + (i % 90000)).padStart(5, '0'),
    `+1415${String(5_000_000 + (i % 4_000_000)).padStart(7, '0')}`,
    'US/CA Unlimited Calling',
    SITES[i % SITES.length] ?? '',
    i % 3 === 0 ? `+1212${String(5_550_000 + (i % 9999)).padStart(7, '0')}` : '',
    i % 2 === 0 ? 'Yes' : 'No',
    i % 5 === 0 ? `00:1a:2b:${(i % 256).toString(16).padStart(2, '0')}:4d:5e` : '',
    i % 5 === 0 ? 't46s' : '',
    i % 50 === 0 ? `=HYPERLINK("http://x/${i}")` : i % 10 === 0 ? 'line one\nline "two"' : '',
    status,
    status === 'created' ? `zid${i.toString(36)}` : '',
    status === 'failed'
      ? 'Zoom refused: site not found'
      : status === 'invalid'
        ? 'Ext: must be 2-15 digits'
        : '',
    String(i + 2),
  ];
}

/**
 * The rows as the writers get them: an array built before the clock starts (a run's
 * results are in memory), or with --stream a generator, which shows the writer's own
 * memory (papaparse needs an array, so it always gets one).
 */
function rowsFor(name: CaseName, count: number): Iterable<string[]> {
  if (values.stream && name !== 'csv-papaparse') {
    return (function* () {
      for (let i = 0; i < count; i++) {
        yield resultRow(i);
      }
    })();
  }
  return Array.from({ length: count }, (_, i) => resultRow(i));
}

async function runCase(name: CaseName, out: string): Promise<CaseResult> {
  const headers = [...SOURCE_HEADERS, ...RESULT_COLUMNS];
  const rows = rowsFor(name, ROWS);
  const baseRssMb = process.memoryUsage().rss / 1e6;
  const started = performance.now();
  switch (name) {
    case 'csv-batchline':
      await writeCsvFile(out, headers, rows);
      break;
    case 'csv-papaparse':
      // rowsFor always gives papaparse an array, so this is no copy.
      await writeFile(
        out,
        Papa.unparse(
          { fields: headers, data: Array.isArray(rows) ? rows : [...rows] },
          { newline: '\r\n' },
        ),
      );
      break;
    case 'xlsx-batchline':
      await writeXlsxFile(out, resultsSheets({ headers, rows }, summary(ROWS)));
      break;
    case 'xlsx-exceljs': {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: out,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('Results');
      sheet.addRow(headers).commit();
      for (const row of rows) {
        sheet.addRow(row).commit();
      }
      sheet.commit();
      await workbook.commit();
      break;
    }
  }
  const ms = performance.now() - started;
  const bytes = (await stat(out)).size;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return { name, rows: ROWS, ms, bytes, peakRssMb, baseRssMb };
}

function summary(total: number): ResultsSummary {
  return {
    runId: 'bench',
    target: 'zoom',
    kind: 'users',
    fileName: 'bench.csv',
    finishedAt: new Date().toISOString(),
    total,
    created: total,
    updated: 0,
    skipped: 0,
    failed: 0,
    invalid: 0,
    requests: 0,
    retries: 0,
    durationMs: 0,
  };
}

function child(name: CaseName, dir: string): CaseResult {
  const script = fileURLToPath(import.meta.url);
  const out = join(dir, `${name}.${name.startsWith('csv') ? 'csv' : 'xlsx'}`);
  const stdout = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      script,
      '--case',
      name,
      '--rows',
      String(ROWS),
      '--out',
      out,
      ...(values.stream ? ['--stream'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as CaseResult;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  if (values.case) {
    const result = await runCase(values.case as CaseName, values.out ?? 'out');
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const runs = Math.max(1, Number(values.runs));
  const dir = await mkdtemp(join(tmpdir(), 'batchline-bench-write-'));
  console.log(
    `write ${ROWS.toLocaleString()} result rows (16 columns) from ${values.stream ? 'a generator' : 'an array'}, median of ${runs} fresh processes`,
  );
  console.log('case            time     rows/s    output   MB/s   peak RSS  (RSS before write)');
  try {
    for (const name of CASES) {
      const results = Array.from({ length: runs }, () => child(name, dir));
      const ms = median(results.map((r) => r.ms));
      const mb = (results[0]?.bytes ?? 0) / 1e6;
      const peak = median(results.map((r) => r.peakRssMb));
      const base = median(results.map((r) => r.baseRssMb));
      console.log(
        `${name.padEnd(15)} ${(ms / 1000).toFixed(2).padStart(5)} s ${Math.round((ROWS / ms) * 1000)
          .toLocaleString()
          .padStart(
            9,
          )} ${mb.toFixed(1).padStart(6)} MB ${(mb / (ms / 1000)).toFixed(1).padStart(6)} ${Math.round(peak).toString().padStart(6)} MB  (${Math.round(base)} MB)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
