import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parse-csv';
import {
  startPortsipSimulator,
  type PortsipSimulator,
} from '../../../main/sandbox/portsip/portsip-simulator';
import { runCliProcess } from '../../helpers/run-cli-process';
import { resultsOf } from '../../helpers/results-sheet';

const TOKEN = 'cli-portsip-groups-token-31';
const GROUPS = ['--target', 'portsip', '--kind', 'groups'];
const MEMBERS = ['--target', 'portsip', '--kind', 'group-members'];

describe('batchline --target portsip --kind groups / group-members against the PortSIP simulator', () => {
  let dir: string;
  let sim: PortsipSimulator;
  const cli = (args: string[]) =>
    runCliProcess(args, { cwd: dir, env: { BATCHLINE_TOKEN: TOKEN } });
  const push = (kind: string[], file: string, extra: string[] = []) =>
    cli(['push', file, ...kind, '--base-url', sim.url, '--runs-dir', join(dir, 'runs'), ...extra]);
  const exportTo = (kind: string[], out: string, extra: string[] = []) =>
    cli(['export', ...kind, '--base-url', sim.url, '--out', out, '--json', ...extra]);
  const writes = (route?: string) =>
    sim.state.requests.filter(
      (request) => request.method === 'POST' && (route === undefined || request.route === route),
    );
  const extensionsOf = (name: string) => {
    const group = sim.state.findGroupByName(name);
    return group ? sim.state.members(group.id).map((user) => user.extension_number) : [];
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-cli-psgroups-'));
    // Six groups (Sales, Support, Group 3-6), so updating one stays under the 20% rule.
    // Users 1001-1008; Sales holds 1001 and 1002, Support 1003 and 1004.
    sim = await startPortsipSimulator({
      tokens: [TOKEN],
      seed: { users: 8, groups: 6, membersPerGroup: 2 },
    });
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('groups: creates, updates a group by name through its id, skips an unchanged one and reports bad rows', async () => {
    const salesId = sim.state.findGroupByName('Sales')?.id;
    const sheet = [
      'Group Name,Description,outbound_caller_id_1,outbound_caller_id_1_provider_id,outbound_caller_id_1_description,outbound_caller_id_2',
      'Marketing,Campaigns,4155550100,NzAwNTUx,Main line,4155550101',
      'sales,Field and inside sales,4155550200,,,',
      'Support,Demo group,,,,',
      ',No name,,,,',
      'SALES,Again,,,,',
      'Billing,,,NzAwNTUx,,',
    ].join('\r\n');
    await writeFile(join(dir, 'groups.csv'), `${sheet}\r\n`);

    const plan = await push(GROUPS, 'groups.csv', ['--dry-run', '--json']);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      total: 6,
      create: 1,
      update: 1,
      unchanged: 1,
      invalid: 3,
      existing: 6,
    });
    expect(writes()).toHaveLength(0);

    const run = await push(GROUPS, 'groups.csv', ['--json', '--report', 'out.csv']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      total: 6,
      created: 1,
      updated: 1,
      skipped: 1,
      failed: 0,
      invalid: 3,
    });
    const results = await resultsOf(join(dir, 'out.csv'));
    expect(results.get(2)?.[0]).toBe('created');
    expect(results.get(3)?.[0]).toBe('updated');
    expect(results.get(4)?.[0]).toBe('skipped');
    expect(results.get(5)).toEqual([
      'invalid',
      expect.stringMatching(/Group Name.*name is required/),
    ]);
    expect(results.get(6)).toEqual(['invalid', expect.stringMatching(/Group Name.*also on row 3/)]);
    expect(results.get(7)).toEqual([
      'invalid',
      expect.stringMatching(
        /outbound_caller_id_1_provider_id is filled but outbound_caller_id_1 is empty/,
      ),
    ]);

    expect(sim.state.findGroupByName('Marketing')).toMatchObject({
      description: 'Campaigns',
      outbound_caller_ids: [
        { caller_id: '4155550100', provider_id: 'NzAwNTUx', description: 'Main line' },
        { caller_id: '4155550101' },
      ],
    });
    expect(sim.state.findGroupByName('Sales')).toEqual({
      id: salesId,
      name: 'Sales',
      description: 'Field and inside sales',
      outbound_caller_ids: [{ caller_id: '4155550200' }],
    });
    expect(sim.state.findGroupByName('Billing')).toBeUndefined();
    expect(writes().map((request) => request.route)).toEqual(['create-group', 'update-group']);
  });

  it('members: a missing extension or group is reported by the plan before any write; the rest are added', async () => {
    const sheet = [
      'Group,Extension',
      'Sales,1003',
      'sales,1001',
      'Support,9999',
      'No Such Team,1004',
      'Sales,12',
      'Support,1005',
      'SALES,1003',
    ].join('\r\n');
    await writeFile(join(dir, 'members.csv'), `${sheet}\r\n`);

    const plan = await push(MEMBERS, 'members.csv', ['--dry-run']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(/2 to create .* 1 unchanged · 2 conflicts · 2 invalid/);
    expect(plan.stdout).toContain(
      "row 4: conflict: extension_number '9999' is not the extension of any user on the PBX",
    );
    expect(plan.stdout).toContain("row 5: conflict: group 'no such team' is not a user group");
    expect(writes()).toHaveLength(0);

    const run = await push(MEMBERS, 'members.csv', ['--json', '--report', 'out.csv']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      total: 7,
      created: 2,
      skipped: 1,
      failed: 2,
      invalid: 2,
    });
    const results = await resultsOf(join(dir, 'out.csv'));
    expect(results.get(2)?.[0]).toBe('created');
    expect(results.get(3)?.[0]).toBe('skipped');
    expect(results.get(4)).toEqual(['failed', expect.stringContaining("extension_number '9999'")]);
    expect(results.get(5)).toEqual(['failed', expect.stringContaining("group 'no such team'")]);
    expect(results.get(6)).toEqual([
      'invalid',
      expect.stringMatching(/Extension.*must be 3 to 64 digits.*'12'/),
    ]);
    expect(results.get(7)?.[0]).toBe('created');
    expect(results.get(8)).toEqual([
      'invalid',
      expect.stringMatching(/Extension 1003 is already in the sheet for this group.*row 2/),
    ]);
    // Only the two good rows were sent: nothing for 9999 or the missing group.
    expect(writes('add-member')).toHaveLength(2);
    expect(writes()).toHaveLength(2);
    expect(extensionsOf('Sales')).toEqual(['1001', '1002', '1003']);
    expect(extensionsOf('Support')).toEqual(['1003', '1004', '1005']);
  });

  it('members: an add whose answer was lost is looked up, not sent twice', async () => {
    sim.injectFault('add-member', { kind: 'drop-after-apply' });
    await writeFile(join(dir, 'members.csv'), 'group,extension_number\r\nSales,1006\r\n');
    const run = await push(MEMBERS, 'members.csv', ['--json', '--report', 'out.csv']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 1, failed: 0 });
    expect(writes('add-member')).toHaveLength(1);
    expect(extensionsOf('Sales')).toEqual(['1001', '1002', '1006']);
    const results = await resultsOf(join(dir, 'out.csv'));
    expect(results.get(2)).toEqual(['created', expect.stringContaining('confirmed by lookup')]);
  });

  it('export → push --dry-run of the exported file plans nothing, for groups and for members', async () => {
    await writeFile(
      join(dir, 'groups.csv'),
      'name,description,outbound_caller_id_1,outbound_caller_id_1_provider_id\r\nMarketing,Campaigns,4155550100,NzAwNTUx\r\n',
    );
    expect((await push(GROUPS, 'groups.csv')).code).toBe(0);
    await writeFile(
      join(dir, 'members.csv'),
      'group,extension_number\r\nMarketing,1007\r\nMarketing,1008\r\n',
    );
    expect((await push(MEMBERS, 'members.csv')).code).toBe(0);

    const groups = await exportTo(GROUPS, 'groups-export.csv');
    expect(groups.code).toBe(0);
    expect(JSON.parse(groups.stdout)).toMatchObject({ total: 7 });
    const groupTable = parseCsv(await readFile(join(dir, 'groups-export.csv'), 'utf8'), 'g.csv');
    expect(groupTable.headers).toHaveLength(2 + 3 * 5);
    expect(groupTable.rows.find((row) => row.cells[0] === 'Marketing')?.cells.slice(0, 4)).toEqual([
      'Marketing',
      'Campaigns',
      '4155550100',
      'NzAwNTUx',
    ]);
    const groupPlan = await push(GROUPS, 'groups-export.csv', ['--dry-run', '--json']);
    expect(groupPlan.code).toBe(0);
    expect(JSON.parse(groupPlan.stdout)).toMatchObject({
      total: 7,
      create: 0,
      update: 0,
      unchanged: 7,
      conflict: 0,
      invalid: 0,
    });

    const members = await exportTo(MEMBERS, 'members-export.csv');
    expect(members.code).toBe(0);
    const memberTable = parseCsv(await readFile(join(dir, 'members-export.csv'), 'utf8'), 'm.csv');
    expect(memberTable.headers).toEqual(['group', 'extension_number']);
    expect(memberTable.rows.map((row) => row.cells)).toContainEqual(['Marketing', '1008']);
    const total = memberTable.rows.length;
    expect(total).toBe(6 * 2 + 2);
    const memberPlan = await push(MEMBERS, 'members-export.csv', ['--dry-run', '--json']);
    expect(memberPlan.code).toBe(0);
    expect(JSON.parse(memberPlan.stdout)).toMatchObject({
      total,
      create: 0,
      update: 0,
      unchanged: total,
      conflict: 0,
      invalid: 0,
    });
    expect(writes()).toHaveLength(3);
  });

  it('members export narrows to one group and passes filter to each members list', async () => {
    const one = await exportTo(MEMBERS, 'sales.csv', ['--filter', 'group=sales']);
    expect(one.code).toBe(0);
    const sales = parseCsv(await readFile(join(dir, 'sales.csv'), 'utf8'), 's.csv');
    expect(sales.rows.map((row) => row.cells)).toEqual([
      ['Sales', '1001'],
      ['Sales', '1002'],
    ]);
    const filtered = await exportTo(MEMBERS, 'only.csv', [
      '--filter',
      "filter=extension_number eq '1003'",
    ]);
    expect(filtered.code).toBe(0);
    const only = parseCsv(await readFile(join(dir, 'only.csv'), 'utf8'), 'o.csv');
    // The seed cycles its eight users through six groups: 1003 is in Support and Group 6.
    expect(only.rows.map((row) => row.cells)).toEqual([
      ['Support', '1003'],
      ['Group 6', '1003'],
    ]);
  });
});
