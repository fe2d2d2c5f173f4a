import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { SANDBOX_TOKEN } from '../../../main/sandbox/sandbox-defaults';
import { startPortsipSimulator } from '../../../main/sandbox/portsip/portsip-simulator';
import type {
  PortsipSimulator,
  PortsipSimulatorOptions,
} from '../../../main/sandbox/portsip/portsip-simulator';
import { staticToken } from '../../../main/services/http/token-source';
import {
  createPortsipClient,
  portsipPath,
} from '../../../main/services/connectors/portsip/portsip-client';
import type { PortsipClient } from '../../../main/services/connectors/portsip/portsip-client';
import { blameItem } from '../../../main/services/connectors/portsip/portsip-errors';
import { portsipFilterEq } from '../../../main/services/connectors/portsip/portsip-paging';
import { validPortsipUser } from '../../helpers/portsip-simulator-client';

const running: PortsipSimulator[] = [];
async function setup(
  options: PortsipSimulatorOptions = {},
  token = SANDBOX_TOKEN,
): Promise<{ sim: PortsipSimulator; client: PortsipClient }> {
  const sim = await startPortsipSimulator(options);
  running.push(sim);
  return { sim, client: createPortsipClient({ baseUrl: sim.url, auth: staticToken(token) }) };
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

describe('PortSIP client: call classification', () => {
  it('answers accepted with the parsed body for 200 and an undefined body for 204', async () => {
    const { sim, client } = await setup({ seed: { users: 1, groups: 1 } });
    const created = await client.call('POST', '/api/users', validPortsipUser(1));
    const groupId = sim.state.groups()[0]?.id ?? '';
    const added = await client.call('POST', portsipPath`/api/groups/${groupId}/members/${'5001'}`);

    expect(created).toMatchObject({ kind: 'accepted', status: 200 });
    expect(created.kind === 'accepted' && created.body).toEqual({ id: sim.state.users()[1]?.id });
    expect(added).toEqual({ kind: 'accepted', status: 204, body: undefined });
  });

  it('answers rejected with the message, field and code for 400, 404 and 409', async () => {
    const { client } = await setup({ seed: { users: 1 } });
    const invalid = await client.call('POST', '/api/users', validPortsipUser(1, { sms: 'ON' }));
    const missing = await client.call('GET', portsipPath`/api/users/${'no/such id'}`);
    const taken = await client.call('POST', '/api/users', validPortsipUser(1, { name: 'user001' }));

    expect(invalid).toMatchObject({ kind: 'rejected', status: 400, field: 'sms', blame: [] });
    expect(invalid.kind === 'rejected' && invalid.message).toMatch(
      /^PortSIP refused \(HTTP 400\): sms must be one of/,
    );
    expect(missing).toMatchObject({
      kind: 'rejected',
      status: 404,
      field: 'id',
      code: 'NOT_FOUND',
    });
    expect(taken).toMatchObject({
      kind: 'rejected',
      status: 409,
      field: 'name',
      code: 'ALREADY_EXISTS',
    });
    if (taken.kind !== 'accepted') {
      expect(blameItem(taken, 'user001')).toMatchObject({ kind: 'rejected', blame: ['user001'] });
    }
  });

  it('answers auth for a refused token, rate-limited with Retry-After for 429, transient for 5xx', async () => {
    const bad = await setup({}, 'wrong-token');
    expect(await bad.client.call('GET', '/api/roles')).toMatchObject({ kind: 'auth' });

    const { sim, client } = await setup({ quotaPerMinute: 1 });
    await client.call('GET', '/api/roles');
    const limited = await client.call('GET', '/api/roles');
    expect(limited).toMatchObject({ kind: 'rate-limited', daily: false });
    expect(limited.kind === 'rate-limited' && limited.retryAfterMs).toBeGreaterThanOrEqual(1000);

    const other = await setup();
    other.sim.injectFault('create-group', { kind: 'status', status: 502 });
    expect(await other.client.call('POST', '/api/groups', { name: 'A' })).toMatchObject({
      kind: 'transient',
    });
    expect(sim.state.requests).toHaveLength(2);
  });

  it('answers lost when the connection drops after the change, and transient when nothing listens', async () => {
    const { sim, client } = await setup();
    sim.injectFault('create-group', { kind: 'drop-after-apply' });
    expect(await client.call('POST', '/api/groups', { name: 'A' })).toMatchObject({ kind: 'lost' });
    expect(sim.state.groups()).toHaveLength(1);

    const url = sim.url;
    await sim.close();
    running.splice(running.indexOf(sim), 1);
    const offline = createPortsipClient({ baseUrl: url, auth: staticToken(SANDBOX_TOKEN) });
    expect(await offline.call('GET', '/api/users')).toMatchObject({ kind: 'transient' });
  });
});

describe('PortSIP client: listAll', () => {
  it('reads 230 users in pages of 100, pacing every request', async () => {
    const { sim, client } = await setup({ seed: { users: 230 } });
    let paced = 0;
    const users = await client.listAll<{ name: string }>('/api/users', async () => {
      paced += 1;
    });

    expect(users).toHaveLength(230);
    expect(new Set(users.map((user) => user.name)).size).toBe(230);
    expect(paced).toBe(3);
    expect(sim.state.requests.map((entry) => entry.path)).toEqual([
      '/api/users?skip=0&top=100',
      '/api/users?skip=100&top=100',
      '/api/users?skip=200&top=100',
    ]);
  });

  it('passes filter, search and orderby on every page', async () => {
    const { client } = await setup({ seed: { users: 12 } });
    const pace = async () => {};
    const one = await client.listAll('/api/users', pace, {
      filter: portsipFilterEq('extension_number', '1003'),
    });
    const sales = await client.listAll<{ extension_number: string }>('/api/users', pace, {
      search: 'sales',
      orderby: 'extension_number desc',
    });
    expect(one).toMatchObject([{ name: 'user003' }]);
    expect(sales.map((user) => user.extension_number)).toEqual(['1009', '1005', '1001']);
  });

  it('reads a members list, which has no count, until a short page', async () => {
    const { sim, client } = await setup({ seed: { users: 120, groups: 1, membersPerGroup: 120 } });
    const id = sim.state.groups()[0]?.id ?? '';
    const members = await client.listAll(portsipPath`/api/groups/${id}/members`, async () => {});
    expect(members).toHaveLength(120);
  });

  it('rides out a 503 on a page and counts the retry as a paced request', async () => {
    const { sim, client } = await setup({ seed: { users: 3 } });
    sim.injectFault('list-roles', { kind: 'status', status: 503, retryAfter: 1 });
    let paced = 0;
    const roles = await client.listAll('/api/roles', async () => {
      paced += 1;
    });
    expect(roles.length).toBeGreaterThan(0);
    expect(paced).toBe(2);
  });

  it('throws an AppError naming the refusal when a page is refused', async () => {
    const { client } = await setup();
    const failure = await client
      .listAll('/api/users', async () => {}, { filter: 'name has x' })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('REMOTE_REJECTED');
    expect((failure as AppError).message).toContain('filter');
  });
});
