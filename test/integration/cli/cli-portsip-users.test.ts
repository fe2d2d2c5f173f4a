import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parse-csv';
import { toCsv } from '../../../shared/csv/write-csv';
import {
  startPortsipSimulator,
  type PortsipSimulator,
} from '../../../main/sandbox/portsip/portsip-simulator';
import { runCliProcess } from '../../helpers/run-cli-process';
import { resultsOf } from '../../helpers/results-sheet';

const TOKEN = 'cli-portsip-users-token-7';
const KIND = ['--target', 'portsip', '--kind', 'users'];
const HEADERS = [
  'User Name',
  'Password',
  'Ext',
  'Display Name',
  'Email',
  'Role',
  'Mobile',
  'Department',
  'DND',
  'Audio Recording',
  'SMS',
  'Language',
  'Voicemail PIN',
  'Play Date Time',
  'Transport',
  'Office Hours',
  'Forward Rules',
];
const OFFICE_HOURS =
  '{"mode":"CUSTOM","monday":{"enabled":true,"ranges":[{"from":"09:00","to":"17:00"}]}}';
const FORWARD =
  '{"busy_office_hours_forward_rule":{"action":"FORWARD_TO_NUMBER","number":"2002"},"available_no_answer_forward_rule":{"action":"FORWARD_TO_NUMBER","number":"2002","timeout":20}}';

/** One sheet row from the columns it sets (the rest empty). */
function row(cells: Partial<Record<(typeof HEADERS)[number], string>>): string[] {
  return HEADERS.map((header) => cells[header] ?? '');
}

const ALICE = row({
  'User Name': 'alice.ng',
  Password: 'S3cret-1',
  Ext: '2001',
  'Display Name': 'Alice Ng',
  Email: 'alice@example.com',
  Role: 'admin',
  Mobile: '+14155550100',
  Department: 'Sales',
  DND: 'Yes',
  'Audio Recording': 'TRUE',
  SMS: 'allow',
  Language: 'en-us',
  'Voicemail PIN': '135792',
  'Play Date Time': '24 hour clock',
  Transport: 'tls',
  'Office Hours': OFFICE_HOURS,
  'Forward Rules': FORWARD,
});
const BOB = row({ 'User Name': 'bob', Password: 'pw-bob', Ext: '2002', Department: 'Support' });

describe('batchline with --target portsip --kind users against the PortSIP simulator', () => {
  let dir: string;
  let sim: PortsipSimulator;
  const cli = (args: string[]) =>
    runCliProcess(args, { cwd: dir, env: { BATCHLINE_TOKEN: TOKEN } });
  const push = (file: string, extra: string[] = []) =>
    cli(['push', file, ...KIND, '--base-url', sim.url, '--runs-dir', join(dir, 'runs'), ...extra]);
  const sheet = (name: string, rows: string[][]) =>
    writeFile(join(dir, name), toCsv(HEADERS, rows));
  const calls = (route: string) => sim.state.requests.filter((r) => r.route === route);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-cli-portsip-users-'));
    // Ten seeded users (user001…user010 on 1001…1010) keep one update under the 20% rule.
    sim = await startPortsipSimulator({ tokens: [TOKEN], seed: { users: 10 } });
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the good rows with their fields and reports every bad row with its reason', async () => {
    await sheet('users.csv', [
      ALICE,
      BOB,
      row({ 'User Name': 'Admin', Password: 'x', Ext: '2003' }),
      row({ 'User Name': 'carol', Password: 'x', Ext: '20a4', 'Voicemail PIN': '111111' }),
      row({ 'User Name': 'dave', Password: 'x', Ext: '2005', Role: 'NoSuchRole' }),
      row({ 'User Name': 'USER001', Password: 'x', Ext: '2006' }),
      row({ 'User Name': 'erin', Ext: '2007' }),
      row({ 'User Name': 'user002', Ext: '1002' }),
    ]);
    const run = await push('users.csv', ['--json', '--report', 'out.csv']);
    expect(run.stderr).not.toContain(TOKEN);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      total: 8,
      created: 2,
      updated: 0,
      skipped: 1,
      failed: 3,
      invalid: 2,
    });

    const results = await resultsOf(join(dir, 'out.csv'));
    expect([...results.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.get(2)?.[0]).toBe('created');
    expect(results.get(3)?.[0]).toBe('created');
    expect(results.get(4)).toEqual(['invalid', expect.stringMatching(/User Name.*reserved/)]);
    expect(results.get(5)).toEqual([
      'invalid',
      expect.stringMatching(/Ext.*3 to 64 digits.*Voicemail PIN.*three times in a row/s),
    ]);
    expect(results.get(6)).toEqual([
      'failed',
      expect.stringMatching(/HTTP 400.*NoSuchRole.*not an existing role/),
    ]);
    expect(results.get(7)).toEqual([
      'failed',
      expect.stringContaining('name user001 already belongs to 1001'),
    ]);
    expect(results.get(8)).toEqual(['failed', expect.stringContaining('needs a password')]);
    expect(results.get(9)?.[0]).toBe('skipped');

    // Passwords and PINs reach the PBX but no result file: --report, results.csv and
    // failed-rows.csv keep the columns, empty (the rejected PIN is not echoed either).
    const [runId] = await readdir(join(dir, 'runs'));
    const written = [
      join(dir, 'out.csv'),
      join(dir, 'runs', runId!, 'results.csv'),
      join(dir, 'runs', runId!, 'failed-rows.csv'),
    ];
    for (const path of written) {
      const text = await readFile(path, 'utf8');
      for (const secret of ['S3cret-1', 'pw-bob', '135792', '111111']) {
        expect(text, `${path} holds ${secret}`).not.toContain(secret);
      }
      const back = parseCsv(text, 'back.csv');
      expect(back.headers).toEqual(expect.arrayContaining(['Password', 'Voicemail PIN']));
      const password = back.headers.indexOf('Password');
      expect(back.rows.every((r) => (r.cells[password] ?? '') === '')).toBe(true);
    }

    expect(sim.state.findUserByExtension('2001')).toMatchObject({
      name: 'alice.ng',
      password: 'S3cret-1',
      display_name: 'Alice Ng',
      email: 'alice@example.com',
      role: 'Admin',
      mobile_phone: '+14155550100',
      department: 'Sales',
      enable_dnd: true,
      enable_audio_recording: true,
      sms: 'ALLOW',
      voicemail_prompt: 'en-US',
      voicemail_pin: '135792',
      voicemail_play_datetime: '24_HOUR_CLOCK',
      preferred_transport: 'TLS',
      office_hours: JSON.parse(OFFICE_HOURS) as unknown,
      busy_office_hours_forward_rule: { action: 'FORWARD_TO_NUMBER', number: '2002' },
      available_no_answer_forward_rule: {
        action: 'FORWARD_TO_NUMBER',
        number: '2002',
        timeout: 20,
      },
    });
    expect(sim.state.findUserByExtension('2002')).toMatchObject({
      name: 'bob',
      role: 'StandardUser',
    });
    expect(sim.state.users()).toHaveLength(12);
    // The refused role was the only create the PBX saw fail; conflicts were never sent.
    expect(calls('create-user').map((r) => r.status)).toEqual([200, 200, 400]);
  });

  it('updates users matched by extension, role through /role, and --create-only refuses updates', async () => {
    await sheet('first.csv', [ALICE, BOB]);
    expect((await push('first.csv')).code).toBe(0);

    const changedAlice = [...ALICE];
    changedAlice[HEADERS.indexOf('Password')] = 'a-new-password';
    changedAlice[HEADERS.indexOf('Department')] = 'Marketing';
    changedAlice[HEADERS.indexOf('Role')] = 'StandardUser';
    changedAlice[HEADERS.indexOf('DND')] = 'No';
    const carol = row({
      'User Name': 'carol',
      Password: 'pw-c',
      Ext: '2003',
      Role: 'QueueManager',
    });
    await sheet('second.csv', [changedAlice, BOB, carol]);
    sim.state.clearRequests();
    const second = await push('second.csv', ['--json', '--report', 'second-out.csv']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 1, updated: 1, skipped: 1 });
    const results = await resultsOf(join(dir, 'second-out.csv'));
    expect(results.get(2)?.[0]).toBe('updated');
    expect(results.get(3)?.[0]).toBe('skipped');
    expect(results.get(4)?.[0]).toBe('created');

    expect(sim.state.findUserByExtension('2001')).toMatchObject({
      department: 'Marketing',
      role: 'StandardUser',
      enable_dnd: false,
      // Secrets are left alone on update: the sheet cannot show they differ.
      password: 'S3cret-1',
    });
    expect(sim.state.findUserByExtension('2003')).toMatchObject({ role: 'QueueManager' });
    expect(calls('update-user')).toHaveLength(1);
    expect(calls('set-user-role')).toHaveLength(1);

    changedAlice[HEADERS.indexOf('Department')] = 'Finance';
    await sheet('third.csv', [changedAlice]);
    sim.state.clearRequests();
    const third = await push('third.csv', ['--create-only', '--json', '--report', 'third-out.csv']);
    expect(third.code).toBe(1);
    expect(JSON.parse(third.stdout)).toMatchObject({ updated: 0, failed: 1 });
    expect((await resultsOf(join(dir, 'third-out.csv'))).get(2)).toEqual([
      'failed',
      expect.stringMatching(/conflict.*department: sheet 'Finance', target 'Marketing'/),
    ]);
    expect(calls('update-user')).toHaveLength(0);
    expect(sim.state.findUserByExtension('2001')?.department).toBe('Marketing');
  });

  it('looks a user up after a lost create answer instead of creating it twice', async () => {
    sim.injectFault('create-user', { kind: 'drop-after-apply' });
    await sheet('users.csv', [ALICE]);
    const run = await push('users.csv', ['--json', '--report', 'out.csv']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 1, failed: 0 });
    expect((await resultsOf(join(dir, 'out.csv'))).get(2)).toEqual([
      'created',
      expect.stringContaining('confirmed by lookup'),
    ]);
    expect(calls('create-user')).toHaveLength(1);
    expect(sim.state.users().filter((user) => user.extension_number === '2001')).toHaveLength(1);
  });

  it('exports every user in the import layout, and a dry run of the export changes nothing', async () => {
    await sheet('users.csv', [ALICE, BOB]);
    expect((await push('users.csv')).code).toBe(0);

    const exported = await cli([
      'export',
      ...KIND,
      '--base-url',
      sim.url,
      '--out',
      'export.csv',
      '--json',
    ]);
    expect(exported.code).toBe(0);
    // One list page, then one GET /api/users/{id} per user for the settings the list omits.
    expect(JSON.parse(exported.stdout)).toMatchObject({ total: 12, requests: 13 });
    const table = parseCsv(await readFile(join(dir, 'export.csv'), 'utf8'), 'export.csv');
    expect(table.headers.slice(0, 5)).toEqual([
      'name',
      'password',
      'extension_number',
      'extension_password',
      'display_name',
    ]);
    const cell = (r: number, header: string) => table.rows[r]?.cells[table.headers.indexOf(header)];
    const alice = table.rows.findIndex((r) => r.cells[0] === 'alice.ng');
    expect(cell(alice, 'password')).toBe('');
    expect(cell(alice, 'voicemail_pin')).toBe('');
    expect(cell(alice, 'enable_dnd')).toBe('Yes');
    expect(cell(alice, 'role')).toBe('Admin');
    expect(JSON.parse(cell(alice, 'office_hours_json') ?? '')).toEqual(JSON.parse(OFFICE_HOURS));
    expect(JSON.parse(cell(alice, 'forward_rules_json') ?? '')).toEqual(JSON.parse(FORWARD));

    const writes = () => sim.state.requests.filter((r) => r.method === 'POST').length;
    const before = writes();
    const plan = await push('export.csv', ['--dry-run', '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      dryRun: true,
      total: 12,
      create: 0,
      update: 0,
      unchanged: 12,
      conflict: 0,
      invalid: 0,
      existing: 12,
    });
    expect(writes()).toBe(before);
  });

  it('narrows an export with the list filter, and refuses a filter the list does not take', async () => {
    await sheet('users.csv', [ALICE, BOB]);
    expect((await push('users.csv')).code).toBe(0);
    const base = ['export', ...KIND, '--base-url', sim.url, '--out', 'one.csv', '--json'];
    const one = await cli([...base, '--filter', "filter=extension_number eq '2002'"]);
    expect(one.code).toBe(0);
    const table = parseCsv(await readFile(join(dir, 'one.csv'), 'utf8'), 'one.csv');
    expect(table.rows.map((r) => r.cells[0])).toEqual(['bob']);

    const wrong = await cli([...base, '--filter', 'department=Sales']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/cannot be filtered by "department"; use filter, search, orderby/);
  });

  it('requires --base-url for portsip, which has no default address', async () => {
    await sheet('users.csv', [BOB]);
    const pushed = await cli(['push', 'users.csv', ...KIND, '--dry-run']);
    expect(pushed.code).toBe(2);
    expect(pushed.stderr).toContain('--base-url is required for --target portsip');
    const exported = await cli(['export', ...KIND, '--out', 'x.csv']);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain('--base-url is required for --target portsip');
    expect(sim.state.requests).toHaveLength(0);
  });
});
