/**
 * XLSX reading speed and memory: batchline's streaming reader beside exceljs's streaming
 * reader alone, on a synthetic users workbook, plus the time to refuse a zip bomb.
 *
 *   node --import tsx bench/xlsx-read.ts [--rows 100000,1000000] [--runs 1]
 *
 * The workbook (12 columns as in PERFORMANCE.md: accented and CJK names, quoted commas and
 * line breaks in text, numbers, a date column; inline strings) is written once per size with
 * exceljs's streaming writer into os.tmpdir()/batchline-bench and reused. Each case runs in
 * a fresh child process so that its peak RSS is its own:
 *   exceljs    stream.xlsx.WorkbookReader (worksheets emit, shared strings, hyperlinks and
 *              styles cached): iterate the rows and touch every value
 *   batchline  readTableFile(path): the whole SourceTable in memory, cells as text, issues
 * Prints rows/s, MB/s of the .xlsx file and of its sheet XML, and peak RSS (median time of
 * --runs processes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { readTableFile } from '../main/services/files/read-table-file';
import { readXlsx } from '../main/services/files/read-xlsx';
import { readZipDirectory } from '../main/services/files/zip-guard';
import { FIRST, LAST, SITES } from './helpers/synthetic-names';

const CASES = ['exceljs', 'batchline'] as const;
type CaseName = (typeof CASES)[number];

interface CaseResult {
  name: CaseName;
  rows: number;
  /** Values seen, so that no reader can skip its work. */
  cells: number;
  ms: number;
  peakRssMb: number;
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000,1000000' },
    runs: { type: 'string', default: '1' },
    case: { type: 'string' },
    file: { type: 'string' },
  },
});

const HEADERS = [
  'Work Email',
  'Given Name',
  'Surname',
  'Ext',
  'Direct Dial',
  'Calling Plan',
  'Site',
  'Caller ID',
  'SMS',
  'Start Date',
  'Desk Phone Model',
  'Notes',
];
const DAY_MS = 86_400_000;

/** Row i of the synthetic sheet: text, a numeric extension, a date, notes with line breaks. */
function userRow(i: number): ExcelJS.CellValue[] {
  return [
    `user${i}@example.com`,
    FIRST[i % FIRST.length] ?? '',
    LAST[Math.floor(i / FIRST.length) % LAST.length] ?? '',
    100_000 + i,
    `+1415${String(2_000_000 + (i % 7_000_000)).padStart(7, '0')}`,
    i % 9 === 0 ? 'US/CA Unlimited Calling;International Select' : 'US/CA Unlimited Calling',
    SITES[i % SITES.length] ?? '',
    i % 3 === 0 ? '+14155550100' : '',
    i % 2 === 0 ? 'Yes' : 'No',
    new Date(Date.UTC(2024, 0, 1) + (i % 700) * DAY_MS),
    i % 3 === 1 ? 't46s' : '',
    i % 50 === 0 ? `Building 4, Floor 2\nDesk ${i % 100}` : i % 4 === 0 ? 'Sales, EMEA & APAC' : '',
  ];
}

/** The path of the synthetic workbook of `rows` rows, written once and cached. */
async function syntheticWorkbook(rows: number): Promise<string> {
  const dir = join(tmpdir(), 'batchline-bench');
  const path = join(dir, `users-${rows}-v1.xlsx`);
  if (existsSync(path) && (await stat(path)).size > 0) {
    return path;
  }
  await mkdir(dir, { recursive: true });
  const partial = `${path}.${process.pid}.part`;
  process.stderr.write(`writing ${path} (${rows} rows, once)…\n`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: partial,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Users');
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) {
    const row = sheet.addRow(userRow(i));
    row.getCell(10).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await rename(partial, path);
  return path;
}

async function runCase(name: CaseName, file: string): Promise<CaseResult> {
  const started = performance.now();
  let rows = 0;
  let cells = 0;
  if (name === 'exceljs') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'cache',
      styles: 'cache',
    });
    let touched = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        rows++;
        for (const value of row.values as unknown[]) {
          touched += value === undefined || value === null ? 0 : 1;
        }
      }
    }
    // The header row: batchline does not count it as data either.
    rows -= 1;
    cells = touched;
  } else {
    const table = await readTableFile(file);
    rows = table.rows.length;
    cells = table.rows.reduce((sum, row) => sum + row.cells.length, table.headers.length);
  }
  const ms = performance.now() - started;
  return { name, rows, cells, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function child(name: CaseName, file: string): CaseResult {
  const stdout = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', name, '--file', file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as CaseResult;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Milliseconds to refuse the committed zip bomb (400 MB of sheet XML in 400 KB). */
async function bombRefusalMs(): Promise<number> {
  const path = fileURLToPath(new URL('../test/fixtures/xlsx/c20-zip-bomb.xlsx', import.meta.url));
  const bytes = await readFile(path);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await readXlsx(bytes, 'bomb.xlsx').then(
      () => {
        throw new Error('the zip bomb was read');
      },
      () => undefined,
    );
    times.push(performance.now() - started);
  }
  return median(times);
}

async function main(): Promise<void> {
  if (values.case) {
    const result = await runCase(values.case as CaseName, values.file ?? '');
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const runs = Math.max(1, Number(values.runs));
  for (const size of (values.rows ?? '').split(',').map(Number)) {
    const file = await syntheticWorkbook(size);
    const bytes = await readFile(file);
    const sheet = readZipDirectory(bytes)?.find((entry) => entry.name.includes('worksheets/'));
    const fileMb = bytes.length / 1e6;
    const xmlMb = (sheet?.size ?? 0) / 1e6;
    console.log(
      `\n${size.toLocaleString('en-US')} rows: ${fileMb.toFixed(1)} MB .xlsx, ${xmlMb.toFixed(0)} MB of sheet XML`,
    );
    console.log('case        rows      seconds   rows/s     MB/s xlsx  MB/s xml  peak RSS');
    const medians = new Map<CaseName, CaseResult>();
    for (const name of CASES) {
      const results = Array.from({ length: runs }, () => child(name, file));
      const ms = median(results.map((r) => r.ms));
      const peak = median(results.map((r) => r.peakRssMb));
      const first = results[0];
      if (!first) {
        continue;
      }
      medians.set(name, { ...first, ms, peakRssMb: peak });
      const seconds = ms / 1000;
      console.log(
        `${name.padEnd(10)} ${String(first.rows).padStart(8)} ${seconds.toFixed(2).padStart(10)} ${Math.round(
          first.rows / seconds,
        )
          .toLocaleString('en-US')
          .padStart(
            9,
          )} ${(fileMb / seconds).toFixed(1).padStart(11)} ${(xmlMb / seconds).toFixed(1).padStart(9)} ${peak.toFixed(0).padStart(6)} MB`,
      );
    }
    const ours = medians.get('batchline');
    const theirs = medians.get('exceljs');
    if (ours && theirs) {
      console.log(
        `batchline reads at ${((theirs.ms / ours.ms) * 100).toFixed(0)}% of exceljs's streaming reader's speed`,
      );
    }
  }
  console.log(`\nzip bomb (400 KB → 400 MB) refused in ${(await bombRefusalMs()).toFixed(2)} ms`);
}

await main();
