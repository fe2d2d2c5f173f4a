import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parse-csv';
import { DEFAULT_ZOOM_SUB_ACCOUNTS } from '../../../main/sandbox/zoom/internal-numbers-state';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import { runCliProcess } from '../../helpers/run-cli-process';
import { resultsOf } from '../../helpers/results-sheet';
import { listInternalNumbersOver } from '../../helpers/zoom-simulator-client';

const TOKEN = 'cli-internal-numbers-token-42';
const SUB_ONE = DEFAULT_ZOOM_SUB_ACCOUNTS[0] ?? '';
const SUB_TWO = DEFAULT_ZOOM_SUB_ACCOUNTS[1] ?? '';
const KIND = ['--target', 'zoom', '--kind', 'internal-numbers'];

/** A sheet of `count` valid numbers with HR-style headers and no account column. */
function numbersCsv(count: number): string {
  const lines = ['DID,Display Number,Description,Number Type,Country Code,Language'];
  for (let i = 0; i < count; i += 1) {
    const tail = String(2000 + i);
    lines.push(`+1415555${tail},+1 415-555-${tail},Dial-in ${i + 1},Toll,US,en-US`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('batchline with --target zoom --kind internal-numbers against the Zoom simulator', () => {
  let dir: string;
  let sim: ZoomSimulator;
  const cli = (args: string[]) =>
    runCliProcess(args, { cwd: dir, env: { BATCHLINE_TOKEN: TOKEN } });
  const push = (file: string, extra: string[] = []) =>
    cli(['push', file, ...KIND, '--base-url', sim.url, '--runs-dir', join(dir, 'runs'), ...extra]);
  const posts = () =>
    sim.state.requests.filter((request) => request.route === 'add-internal-numbers');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-cli-inum-'));
    sim = await startZoomSimulator({ tokens: [TOKEN], rateLimit: { perSecond: 100 } });
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('pushes good rows per account, reports every bad row, and leaves the accounts as the sheet says', async () => {
    sim.state.internalNumbers.add(SUB_TWO, [
      seeded('+442079460010', 'Kept as is'),
      seeded('+442079460011', 'Old label'),
    ]);
    const sheet = [
      'Phone Number,Display Number,Label,Type,Country Code,Language,Visible,Sub Account ID',
      '+14155550100,+1 415-555-0100,SF dial-in,Toll,US,en-US,Yes,',
      '(415) 555-0101,(415) 555-0101,SF toll-free,toll free,us,English (US),N,',
      `+442079460000,020 7946 0000,London,1,GB,en-GB,,${SUB_ONE}`,
      `+442079460001,020 7946 0001,London 2,Toll,GB,German,TRUE,${SUB_ONE}`,
      `+14155550100,+1 415-555-0100,SF for sub two,Toll,US,en-US,,${SUB_TWO}`,
      '+14155550102,+1 415-555-0102,Bad country,Toll,USA,en-US,,',
      '+1 415 555 0100,+1 415-555-0100,Repeat of row 2,Toll,US,en-US,,',
      '+14155550103,+1 415-555-0103,Nowhere,Toll,US,en-US,,NoSuchSubAccount',
      `+442079460011,020 7946 0011,New label,Toll,GB,en-GB,Yes,${SUB_TWO}`,
      `+442079460010,020 7946 0010,Kept as is,Toll,GB,en-GB,Yes,${SUB_TWO}`,
    ].join('\r\n');
    await writeFile(join(dir, 'numbers.csv'), `${sheet}\r\n`);

    const run = await push('numbers.csv', ['--country', 'US', '--json', '--report', 'out.csv']);
    expect(run.stderr).not.toContain(TOKEN);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      total: 10,
      created: 5,
      skipped: 1,
      failed: 2,
      invalid: 2,
    });
    const results = await resultsOf(join(dir, 'out.csv'));
    expect([...results.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(results.get(2)?.[0]).toBe('created');
    expect(results.get(3)?.[0]).toBe('created');
    expect(results.get(4)?.[0]).toBe('created');
    expect(results.get(5)?.[0]).toBe('created');
    expect(results.get(6)?.[0]).toBe('created');
    expect(results.get(7)).toEqual(['invalid', expect.stringMatching(/Country Code.*USA/)]);
    expect(results.get(8)).toEqual([
      'invalid',
      expect.stringMatching(/Phone Number.*already in the sheet for this account.*row 2/),
    ]);
    expect(results.get(9)).toEqual([
      'failed',
      expect.stringContaining('Account does not exist: NoSuchSubAccount'),
    ]);
    expect(results.get(10)).toEqual(['failed', expect.stringMatching(/conflict.*labels/)]);
    expect(results.get(11)?.[0]).toBe('skipped');

    const numbersOf = async (account: string) =>
      (await listInternalNumbersOver(sim.url, account, TOKEN)).map((entry) => entry.number);
    expect(await numbersOf('me')).toEqual(['+14155550100', '+14155550101']);
    expect(await numbersOf(SUB_ONE)).toEqual(['+442079460000', '+442079460001']);
    expect(await numbersOf(SUB_TWO)).toEqual(['+442079460010', '+442079460011', '+14155550100']);
    expect(sim.state.internalNumbers.find('me', '+14155550101')).toMatchObject({
      type: 2,
      country: 'US',
      languages: 'en-US',
      visible: false,
    });
    expect(sim.state.internalNumbers.find(SUB_TWO, '+442079460011')?.labels).toBe('Old label');
    // One call per account: me, sub one, sub two, and the account that does not exist.
    expect(posts()).toHaveLength(4);
  });

  it('sends rows without an account column to --account-id, at most 50 numbers a call', async () => {
    await writeFile(join(dir, 'numbers.csv'), numbersCsv(120));
    const run = await push('numbers.csv', ['--account-id', SUB_ONE, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 120, created: 120, failed: 0 });
    expect(sim.state.internalNumbers.list(SUB_ONE)).toHaveLength(120);
    expect(sim.state.internalNumbers.list('me')).toHaveLength(0);
    expect(posts().map((request) => request.items)).toEqual([50, 50, 20]);
  });

  it('looks numbers up after a lost answer instead of sending them twice', async () => {
    sim.faults.enqueue('add-internal-numbers', { kind: 'drop-after-apply' });
    await writeFile(join(dir, 'numbers.csv'), numbersCsv(30));
    const run = await push('numbers.csv', ['--json', '--report', 'out.csv']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 30, failed: 0 });
    expect(sim.state.internalNumbers.list('me')).toHaveLength(30);
    expect(posts()).toHaveLength(1);
    const results = await resultsOf(join(dir, 'out.csv'));
    expect(results.get(2)).toEqual(['created', expect.stringContaining('confirmed by lookup')]);
  });

  it('exports an account in the import layout, and a dry run of that file changes nothing', async () => {
    await writeFile(join(dir, 'numbers.csv'), numbersCsv(130));
    expect((await push('numbers.csv', ['--account-id', SUB_TWO])).code).toBe(0);

    const exported = await cli([
      'export',
      ...KIND,
      '--base-url',
      sim.url,
      '--account-id',
      SUB_TWO,
      '--out',
      'export.csv',
      '--json',
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ total: 130, requests: 2 });
    const table = parseCsv(await readFile(join(dir, 'export.csv'), 'utf8'), 'export.csv');
    expect(table.headers).toEqual([
      'number',
      'display_number',
      'labels',
      'type',
      'country',
      'languages',
      'visible',
      'allow_join',
      'allow_for_external_meetings',
      'account_id',
    ]);
    expect(table.rows[0]?.cells).toEqual([
      '+14155552000',
      '+1 415-555-2000',
      'Dial-in 1',
      'Toll',
      'US',
      'en-US',
      'Yes',
      'Yes',
      'No',
      SUB_TWO,
    ]);

    const postsBefore = posts().length;
    const plan = await push('export.csv', ['--dry-run', '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      dryRun: true,
      total: 130,
      create: 0,
      update: 0,
      unchanged: 130,
      conflict: 0,
      invalid: 0,
      existing: 130,
    });
    expect(posts()).toHaveLength(postsBefore);
  });

  it('export refuses a filter and an unknown account in one line, exit 2', async () => {
    const filtered = await cli([
      'export',
      ...KIND,
      '--base-url',
      sim.url,
      '--out',
      'x.csv',
      '--filter',
      'status=active',
    ]);
    expect(filtered.code).toBe(2);
    expect(filtered.stderr).toContain('cannot be filtered by "status"');
    const missing = await cli([
      'export',
      ...KIND,
      '--base-url',
      sim.url,
      '--account-id',
      'NoSuchSubAccount',
      '--out',
      'x.csv',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no account "NoSuchSubAccount"');
  });

  it('template writes the dataset columns with a valid example row', async () => {
    const run = await cli(['template', ...KIND, '--out', 'template.csv']);
    expect(run.code).toBe(0);
    const table = parseCsv(await readFile(join(dir, 'template.csv'), 'utf8'), 'template.csv');
    expect(table.headers[0]).toBe('number');
    expect(table.rows).toHaveLength(1);
    const check = await cli(['validate', 'template.csv', ...KIND, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ total: 1, valid: 1, invalid: 0 });
  });
});

function seeded(number: string, labels: string) {
  return {
    id: `seed${number.slice(1)}`,
    number,
    display_number: `020 7946 ${number.slice(-4)}`,
    labels,
    type: 1,
    country: 'GB',
    languages: 'en-GB',
    visible: true,
    allow_join: true,
    allow_for_external_meetings: false,
  };
}
