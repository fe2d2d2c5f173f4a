/**
 * How long one edit in the review grid takes to answer its new validation on a big sheet:
 * checked on the edited rows (what the edit handlers do now) against checking the whole
 * table again (what they did before), in the same run on the same table.
 *
 *   node --import tsx bench/edit-revalidation.ts [--rows 100000] [--edits 30]
 *
 * The synthetic Zoom users CSV of bench/pipeline.ts (~1 row in 100 with a problem, repeated
 * emails among them) is opened and checked as the app does (import:open, import:validate on
 * worker threads). Then, per line, `--edits` seeded edits (an extension, an email made a
 * duplicate of another row's, a phone number; or three such cells at once), each timed
 * from the handler call to its answer:
 *   full check (before)      apply the edit, then import:validate (worker threads)
 *   first edit               import:edit right after import:validate: waits for the rows'
 *                            unique values to be indexed (started by import:validate)
 *   second edit at once      incremental
 *   1 cell / 3 cells         import:edit checked incrementally
 * with the median, 95th percentile and worst. Ends by checking the last answer equals a
 * fresh import:validate of the edited table, and prints the heap the index takes.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { OpenFiles } from '../main/app/open-files';
import { editHandlers } from '../main/ipc/edit.ipc';
import { silentLogger } from '../main/lib/logger';
import { importHandlers } from '../main/ipc/import.ipc';
import type { CellChange } from '../shared/edits/cell-edit';
import type { EditResult } from '../shared/ipc/contract';
import { syntheticUsersCsv } from './helpers/users-csv-file';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    edits: { type: 'string', default: '30' },
  },
});
const ROWS = Number(values.rows);
const EDITS = Number(values.edits);

/** The same seeded generator as the tests' (test/unit/shared/validation/random-users.ts). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const files = new OpenFiles();
const imports = importHandlers(files);
// Wired as the app wires them: the edit handlers also answer import:validate.
const edits = editHandlers(files, silentLogger, imports['import:validate']);
const bytes = await readFile(await syntheticUsersCsv(ROWS));
const preview = await imports['import:open']({
  target: 'zoom',
  kind: 'users',
  fileName: 'users.csv',
  dataBase64: bytes.toString('base64'),
});
const args = {
  target: 'zoom',
  kind: 'users',
  fileId: preview.fileId,
  mapping: preview.suggestedMapping,
  country: 'US',
} as const;
const table = files.get(args.fileId);
const rnd = random(7);
const pick = () => table.rows[Math.floor(rnd() * table.rows.length)]!;

/** A random cell change: an extension, an email another row has, or a phone number. */
function change(): CellChange {
  const row = pick().row;
  const roll = rnd();
  if (roll < 0.4) {
    return { row, column: 'Ext', value: String(100_000 + Math.floor(rnd() * 900_000)) };
  }
  if (roll < 0.7) {
    return { row, column: 'Work Email', value: pick().cells[0] ?? '' };
  }
  return { row, column: 'Direct Dial', value: `+1415555${String(rnd()).slice(2, 6)}` };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function report(label: string, ms: number[]): void {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const figures = [at(0.5), at(0.95), sorted[sorted.length - 1]!].map((v) => v.toFixed(1));
  process.stdout.write(
    `${label.padEnd(26)}${figures.map((f) => f.padStart(10)).join('')}   (${ms.length} edits)\n`,
  );
}

const edit = (changes: CellChange[]) => edits['import:edit']({ ...args, changes });

const validateMs = await timed(() => imports['import:validate'](args));
process.stdout.write(
  `${ROWS} Zoom users rows; import:validate ${validateMs.toFixed(0)} ms\n` +
    `${''.padEnd(26)}${['median', 'p95', 'worst'].map((h) => h.padStart(10)).join('')}  ms\n`,
);

const full: number[] = [];
for (let e = 0; e < Math.min(EDITS, 10); e++) {
  const cell = change();
  full.push(
    await timed(async () => {
      files.edits(args.fileId).apply([cell]);
      await imports['import:validate'](args);
    }),
  );
}
report('full check (before)', full);
// The app's import:validate: a full check that then indexes the rows for the edits after it.
await edits['import:validate'](args);

const heapBefore = process.memoryUsage().heapUsed;
report('first edit', [await timed(() => edit([change()]))]);
report('second edit at once', [await timed(() => edit([change()]))]);
const heapAfter = process.memoryUsage().heapUsed;

const single: number[] = [];
const triple: number[] = [];
let last: EditResult | undefined;
for (let e = 0; e < EDITS; e++) {
  single.push(await timed(async () => (last = await edit([change()]))));
  triple.push(await timed(async () => (last = await edit([change(), change(), change()]))));
}
report('1 cell (incremental)', single);
report('3 cells (incremental)', triple);

const fresh = await imports['import:validate'](args);
const same = JSON.stringify(last?.validation) === JSON.stringify(fresh);
process.stdout.write(
  `last answer equals a fresh import:validate: ${same ? 'yes' : 'NO'}; ` +
    `heap after indexing: ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB more\n`,
);
process.exit(same ? 0 : 1);
