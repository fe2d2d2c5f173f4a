import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parse-csv';
import { PORTSIP_BUILT_IN_ROLES } from '../../../shared/datasets/portsip/portsip-rules';
import {
  startPortsipSimulator,
  type PortsipSimulator,
} from '../../../main/sandbox/portsip/portsip-simulator';
import { runCliProcess } from '../../helpers/run-cli-process';
import { resultsOf } from '../../helpers/results-sheet';

const TOKEN = 'cli-portsip-roles-token-77';
const KIND = ['--target', 'portsip', '--kind', 'roles'];
// Enough custom roles that updating one stays under the 20% that needs --confirm-large.
const SEEDED_ROLES = [
  'Reception',
  'Night Shift',
  'Auditors',
  'Warehouse',
  'Interns',
  'Contractors',
];

describe('batchline --target portsip --kind roles against the PortSIP simulator', () => {
  let dir: string;
  let sim: PortsipSimulator;
  const cli = (args: string[]) =>
    runCliProcess(args, { cwd: dir, env: { BATCHLINE_TOKEN: TOKEN } });
  const push = (file: string, extra: string[] = []) =>
    cli(['push', file, ...KIND, '--base-url', sim.url, '--runs-dir', join(dir, 'runs'), ...extra]);
  const writes = () => sim.state.requests.filter((request) => request.method === 'POST');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-cli-psroles-'));
    sim = await startPortsipSimulator({
      tokens: [TOKEN],
      seed: { users: 3, customRoles: SEEDED_ROLES },
    });
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  const sheet = [
    'Role Name,Description,user_management.users,trunk.view_only,policies.international_calls',
    'Front Desk,Reception staff,TRUE,No,0',
    'Admin,Tries a built-in,TRUE,,',
    'Billing Clerks,,maybe,,',
    'reception,Front office,Yes,,1',
    'FRONT DESK,,,,',
    'Dispatch,,FALSE,TRUE,',
    'Night Shift,Night Shift (custom),,,',
  ].join('\r\n');

  it('dry run labels every row against the PBX and sends nothing', async () => {
    await writeFile(join(dir, 'roles.csv'), `${sheet}\r\n`);
    const plan = await push('roles.csv', ['--dry-run', '--json']);
    expect(plan.code).toBe(1);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      dryRun: true,
      total: 7,
      create: 2,
      update: 1,
      unchanged: 1,
      conflict: 0,
      invalid: 3,
      existing: SEEDED_ROLES.length,
    });
    expect(writes()).toHaveLength(0);
  });

  it('creates new roles, updates an existing custom role, reports every bad row, and leaves the PBX as the sheet says', async () => {
    await writeFile(join(dir, 'roles.csv'), `${sheet}\r\n`);
    const run = await push('roles.csv', ['--json', '--report', 'out.csv']);
    expect(run.stderr).not.toContain(TOKEN);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      total: 7,
      created: 2,
      updated: 1,
      skipped: 1,
      failed: 0,
      invalid: 3,
    });
    const results = await resultsOf(join(dir, 'out.csv'));
    expect([...results.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(results.get(2)?.[0]).toBe('created');
    expect(results.get(3)).toEqual([
      'invalid',
      expect.stringMatching(/Role Name.*"Admin" is a built-in PortSIP role/),
    ]);
    expect(results.get(4)).toEqual([
      'invalid',
      expect.stringMatching(/user_management\.users.*must be TRUE or FALSE.*'maybe'/),
    ]);
    expect(results.get(5)?.[0]).toBe('updated');
    expect(results.get(6)).toEqual(['invalid', expect.stringMatching(/Role Name.*also on row 2/)]);
    expect(results.get(7)?.[0]).toBe('created');
    expect(results.get(8)?.[0]).toBe('skipped');

    expect(sim.state.findRole('Front Desk')).toMatchObject({
      description: 'Reception staff',
      builtIn: false,
    });
    expect(sim.state.findRole('Front Desk')?.permissions).toMatchObject({
      user_management: { users: true, roles: false },
      trunk: { view_only: false },
      policies: { international_calls: false },
    });
    // The update changed what the sheet set and kept the rest (voicemail_view_only was seeded).
    const reception = sim.state.findRole('Reception');
    expect(reception?.name).toBe('Reception');
    expect(reception?.description).toBe('Front office');
    expect(reception?.permissions).toMatchObject({
      user_management: { users: true },
      policies: { international_calls: true, internal_calls: true },
      general: { voicemail_view_only: true },
    });
    expect(sim.state.findRole('Dispatch')?.permissions.trunk).toEqual({
      view_only: true,
      full_access: false,
    });
    expect(sim.state.findRole('Admin')?.description).toBe('Built-in Admin role.');
    expect(sim.state.findRole('Billing Clerks')).toBeUndefined();
    expect(writes().map((request) => request.route)).toEqual([
      'create-role',
      'update-role',
      'create-role',
    ]);
  });

  it('exports custom roles only, every permission as TRUE/FALSE, and a dry run of the export is a no-op', async () => {
    await writeFile(join(dir, 'roles.csv'), `${sheet}\r\n`);
    expect((await push('roles.csv')).code).toBe(1);

    const exported = await cli([
      ...['export', ...KIND],
      '--base-url',
      sim.url,
      '--out',
      'export.csv',
      '--json',
    ]);
    expect(exported.code).toBe(0);
    const customCount = SEEDED_ROLES.length + 2;
    expect(JSON.parse(exported.stdout)).toMatchObject({ total: customCount });
    const table = parseCsv(await readFile(join(dir, 'export.csv'), 'utf8'), 'export.csv');
    expect(table.headers.slice(0, 3)).toEqual([
      'name',
      'description',
      'general.voicemail_view_only',
    ]);
    expect(table.headers).toHaveLength(31);
    const names = table.rows.map((row) => row.cells[0]);
    expect(names).toEqual(expect.arrayContaining(['Front Desk', 'Dispatch', 'Reception']));
    for (const builtIn of PORTSIP_BUILT_IN_ROLES) {
      expect(names).not.toContain(builtIn);
    }
    const frontDesk = table.rows.find((row) => row.cells[0] === 'Front Desk')?.cells ?? [];
    expect(frontDesk[table.headers.indexOf('user_management.users')]).toBe('TRUE');
    expect(frontDesk[table.headers.indexOf('billing.full_access')]).toBe('FALSE');

    const before = writes().length;
    const plan = await push('export.csv', ['--dry-run', '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      dryRun: true,
      total: customCount,
      create: 0,
      update: 0,
      unchanged: customCount,
      conflict: 0,
      invalid: 0,
    });
    expect(writes()).toHaveLength(before);
  });

  it('export passes search to GET /api/roles and refuses an unknown filter in one line', async () => {
    const searched = await cli([
      ...['export', ...KIND],
      '--base-url',
      sim.url,
      '--out',
      'night.csv',
      '--filter',
      'search=night',
      '--json',
    ]);
    expect(searched.code).toBe(0);
    const table = parseCsv(await readFile(join(dir, 'night.csv'), 'utf8'), 'night.csv');
    expect(table.rows.map((row) => row.cells[0])).toEqual(['Night Shift']);

    const refused = await cli([
      ...['export', ...KIND],
      '--base-url',
      sim.url,
      '--out',
      'x.csv',
      '--filter',
      'status=active',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cannot be filtered by "status"; use filter, search, orderby');
  });
});
