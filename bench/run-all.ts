/**
 * Every benchmark, one after another, each in its own process (so one's peak RSS is not the
 * next one's): `npm run bench`. Each prints its own figures; this only runs them in order.
 *
 *   node --import tsx bench/run-all.ts [--quick]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const BENCHES: readonly (readonly string[])[] = [
  ['pipeline.ts', ...(quick ? ['--rows', '100000', '--runs', '1'] : [])],
  ['xlsx-read.ts', ...(quick ? ['--rows', '100000'] : [])],
  ['write-results.ts', ...(quick ? ['--runs', '1'] : [])],
  ['push-throughput.ts', ...(quick ? ['--users', '1000'] : [])],
  ['datasets-throughput.ts', ...(quick ? ['--quick'] : [])],
  ['edit-revalidation.ts', ...(quick ? ['--edits', '5'] : [])],
  // Needs Debian's Chromium (/usr/bin/chromium), as the end-to-end tests do.
  ['ui-long-tasks.ts', ...(quick ? ['--rows', '20000'] : [])],
];

let failed = 0;
for (const [script, ...args] of BENCHES) {
  process.stdout.write(`\n### ${script} ${args.join(' ')}\n`);
  const file = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    failed += 1;
    process.stdout.write(`### ${script} failed (exit ${run.status ?? run.signal})\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
