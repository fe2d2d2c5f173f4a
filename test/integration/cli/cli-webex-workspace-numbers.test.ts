import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_WORKSPACES, webexWorkspaceId } from '../../../main/sandbox/webex/webex-seed';
import {
  startWebexSimulator,
  type WebexSimulator,
  type WebexSimulatorOptions,
} from '../../../main/sandbox/webex/webex-simulator';
import { parseCsv } from '../../../shared/csv/parse-csv';
import { toCsv } from '../../../shared/csv/write-csv';
import { runCliProcess } from '../../helpers/run-cli-process';

const TOKEN = 'webex-cli-test-token-0123456789';
const LOBBY = webexWorkspaceId('lobby');
const CONF = webexWorkspaceId('conference-room-a');
const BREAK = webexWorkspaceId('break-room');
const CUSTOMER_ORG = 'customer-org-id';
const CUSTOMER_WS = webexWorkspaceId('customer-front-desk');
const HEADERS = [
  'Workspace ID',
  'Number',
  'Ext',
  'Action',
  'Primary',
  'Ring Pattern',
  'Distinctive Ring',
];
const webex = ['--target', 'webex', '--kind', 'workspace-numbers'];

describe('batchline push and export (webex workspace-numbers) against the Webex simulator', () => {
  let dir: string;
  let sim: WebexSimulator;

  const start = async (options: WebexSimulatorOptions = {}) => {
    sim = await startWebexSimulator({
      tokens: [TOKEN],
      rateLimit: { perSecond: 50 },
      managedOrgIds: [CUSTOMER_ORG],
      seedWorkspaces: [...DEMO_WORKSPACES, { id: CUSTOMER_WS, orgId: CUSTOMER_ORG }],
      ...options,
    });
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-cli-webex-'));
    await start();
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  const cli = (args: string[]) =>
    runCliProcess([...args, '--base-url', sim.url], {
      cwd: dir,
      env: { BATCHLINE_TOKEN: TOKEN },
    });
  const push = (file: string, extra: string[] = []) =>
    cli(['push', file, ...webex, '--runs-dir', join(dir, 'runs'), ...extra]);
  const sheet = (name: string, rows: string[][]) =>
    writeFile(join(dir, name), toCsv(HEADERS, rows));
  const numbersOf = (id: string) =>
    sim.state
      .numbersOf(id)
      .map((n) => [n.phoneNumber ?? '', n.extension ?? '', n.primary, n.ringPattern]);
  const puts = () => sim.state.requests.filter((r) => r.method === 'PUT');

  /** The results sheet as row number → [status, id, message]. */
  async function resultsOf(file: string): Promise<Map<number, string[]>> {
    const table = parseCsv(await readFile(join(dir, file), 'utf8'), file);
    const at = table.headers.indexOf('result_status');
    return new Map(table.rows.map((row) => [row.row, row.cells.slice(at, at + 3)]));
  }

  it('pushes good and bad rows for several workspaces: every row reported, the simulator holds exactly the good ones', async () => {
    await sheet('numbers.csv', [
      [LOBBY, '+12025550130', '1130', 'ADD', 'No', 'long long', 'Yes'], // 2 created
      [LOBBY, '', '1102', 'DELETE', '', '', ''], // 3 updated (removed)
      [LOBBY, '(202) 555-0131', '', '', '', '', ''], // 4 created, US national
      [CONF, '+12025550112', '', 'DELETE', '', '', ''], // 5 updated (removed)
      [CONF, '+12025550199', '', 'DELETE', '', '', ''], // 6 skipped: not there
      [CONF, '+12025550111', '1111', 'ADD', 'Yes', 'NORMAL', 'Yes'], // 7 skipped: same values
      [BREAK, '+12025550101', '', 'ADD', '', '', ''], // 8 failed: the lobby holds it
      [BREAK, '+12025550140', '1140', 'ADD', 'Yes', 'loud', ''], // 9 invalid ring pattern
      [BREAK, '12345', '', 'ADD', '', '', ''], // 10 invalid number
      [BREAK, '+12025550141', '1111', 'ADD', '', '', ''], // 11 failed: extension in use (409)
      [BREAK, '+12025550142', '', 'ADD', 'Yes', '', ''], // 12 created
      ['unknown-workspace', '+12025550143', '', 'ADD', '', '', ''], // 13 failed: 404
      [BREAK, '+12025550144', '', 'ADD', '', '', ''], // 14 invalid: ADD and DELETE
      [BREAK, '2025550144', '', 'DELETE', '', '', ''], // 15 invalid: ADD and DELETE
    ]);
    // Two DELETEs of four numbers read is over 20%, but too few changes to need --confirm-large.
    const run = await push('numbers.csv', ['--json', '--report', 'results.csv']);
    expect(run.stderr).not.toContain(TOKEN);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      total: 14,
      created: 3,
      updated: 2,
      skipped: 2,
      failed: 3,
      invalid: 4,
    });

    const results = await resultsOf('results.csv');
    const status = (row: number) => results.get(row)?.[0];
    const message = (row: number) => results.get(row)?.[2] ?? '';
    expect([...results.keys()].map(status)).toEqual([
      'created',
      'updated',
      'created',
      'updated',
      'skipped',
      'skipped',
      'failed',
      'invalid',
      'invalid',
      'failed',
      'created',
      'failed',
      'invalid',
      'invalid',
    ]);
    expect(results.get(2)?.[1]).toBe('+12025550130');
    expect(results.get(4)?.[1]).toBe('+12025550131');
    expect(message(6)).toMatch(/does not have \+12025550199; nothing to delete/);
    expect(message(7)).toMatch(/unchanged/);
    expect(message(8)).toMatch(/conflict: phone_number \+12025550101 already belongs to/);
    expect(message(9)).toMatch(/Ring Pattern.*ring_pattern must be one of/);
    expect(message(10)).toMatch(/Number.*'12345'/);
    expect(message(11)).toMatch(/HTTP 409.*Extension 1111 is already in use/);
    expect(message(13)).toMatch(/HTTP 404.*unknown-workspace not found/);
    expect(message(14)).toMatch(/added here but deleted on row 15/);
    expect(message(15)).toMatch(/deleted here but added on row 14/);

    expect(numbersOf(LOBBY)).toEqual([
      ['+12025550101', '1101', true, 'NORMAL'],
      ['+12025550130', '1130', false, 'LONG_LONG'],
      ['+12025550131', '', false, 'NORMAL'],
    ]);
    expect(sim.state.workspace(LOBBY)?.distinctiveRingEnabled).toBe(true);
    expect(numbersOf(CONF)).toEqual([['+12025550111', '1111', true, 'NORMAL']]);
    expect(numbersOf(BREAK)).toEqual([['+12025550142', '', true, 'NORMAL']]);
    // Rows the plan settled never reach the API: the conference room gets one PUT, its DELETE.
    expect(
      puts()
        .filter((r) => r.path.includes(encodeURIComponent(CONF)))
        .map((r) => r.items),
    ).toEqual([1]);
    expect(sim.state.requests.every((r) => !r.path.includes('orgId='))).toBe(true);
  });

  it('exports two workspaces in the import layout, and a dry run of that file plans every row unchanged', async () => {
    const exported = await cli([
      'export',
      ...webex,
      '--workspace-id',
      LOBBY,
      '--workspace-id',
      CONF,
      '--out',
      'export.csv',
      '--json',
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ total: 4, requests: 2 });
    const table = parseCsv(await readFile(join(dir, 'export.csv'), 'utf8'), 'export.csv');
    expect(table.headers).toEqual([
      'workspace_id',
      'phone_number',
      'extension',
      'action',
      'primary',
      'ring_pattern',
      'distinctive_ring',
    ]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      [LOBBY, '+12025550101', '1101', 'ADD', 'Yes', 'NORMAL', 'No'],
      [LOBBY, '', '1102', 'ADD', 'No', 'NORMAL', 'No'],
      [CONF, '+12025550111', '1111', 'ADD', 'Yes', 'NORMAL', 'Yes'],
      [CONF, '+12025550112', '1112', 'ADD', 'No', 'LONG_LONG', 'Yes'],
    ]);

    const plan = await push('export.csv', ['--dry-run', '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      dryRun: true,
      total: 4,
      create: 0,
      update: 0,
      unchanged: 4,
      conflict: 0,
      invalid: 0,
      existing: 4,
      batches: 0,
    });
    expect(puts()).toHaveLength(0);
  });

  it('refuses an export without --workspace-id in one line, exit 2, before any request', async () => {
    const run = await cli(['export', ...webex, '--out', 'export.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--workspace-id/);
    expect(sim.state.requests).toHaveLength(0);
  });

  it('passes --org-id through as the orgId query parameter of every read and write', async () => {
    await sheet('customer.csv', [
      [CUSTOMER_WS, '+12025550180', '1180', 'ADD', 'Yes', '', ''],
      [CUSTOMER_WS, '+12025550181', '', 'ADD', '', 'SHORT_SHORT_LONG', ''],
    ]);
    const run = await push('customer.csv', ['--json', '--org-id', CUSTOMER_ORG]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 2, failed: 0 });
    expect(numbersOf(CUSTOMER_WS)).toEqual([
      ['+12025550180', '1180', true, 'NORMAL'],
      ['+12025550181', '', false, 'SHORT_SHORT_LONG'],
    ]);
    const exported = await cli([
      'export',
      ...webex,
      '--org-id',
      CUSTOMER_ORG,
      '--workspace-id',
      CUSTOMER_WS,
      '--out',
      'customer-export.csv',
    ]);
    expect(exported.code).toBe(0);
    expect(sim.state.requests.map((r) => [r.method, r.status])).toEqual([
      ['GET', 200],
      ['PUT', 204],
      ['GET', 200],
    ]);
    expect(sim.state.requests.every((r) => r.path.endsWith(`?orgId=${CUSTOMER_ORG}`))).toBe(true);

    // Without --org-id the token's own org is used, where that workspace does not exist.
    const home = await push('customer.csv', ['--json']);
    expect(home.code).toBe(1);
    expect(JSON.parse(home.stdout)).toMatchObject({ failed: 2 });
  });

  it('treats a DELETE whose answer was lost as done when the retry finds the number already gone', async () => {
    sim.faults.enqueue('put-workspace-numbers', { kind: 'drop-after-apply' });
    await sheet('delete.csv', [[CONF, '+12025550112', '', 'DELETE', '', '', '']]);
    const run = await push('delete.csv', ['--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ updated: 1, failed: 0 });
    expect(numbersOf(CONF)).toEqual([['+12025550111', '1111', true, 'NORMAL']]);
    expect(puts().map((r) => r.status)).toEqual([null, 400]);
  });
});
