import { describe, expect, it } from 'vitest';
import type { PortsipSimulator } from '../../../main/sandbox/portsip/portsip-simulator';
import {
  callPortsip,
  usePortsipSimulators,
  errorOf,
  validPortsipUser,
} from '../../helpers/portsip-simulator-client';
import type { PortsipPage } from '../../helpers/portsip-simulator-client';

const simulator = usePortsipSimulators();

interface ListedUser {
  name: string;
  extension_number: string;
  department: string;
  display_name: string;
}
const listUsers = async (sim: PortsipSimulator, query: string) => {
  const answer = await callPortsip(sim, 'GET', `/api/users?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as PortsipPage<ListedUser>;
};

describe('PortSIP simulator: list paging, filter, search, orderby', () => {
  it('pages 250 users with skip/top=100 in creation order, count being the total', async () => {
    const sim = await simulator({ seed: { users: 250 } });
    const pages = [
      await listUsers(sim, 'skip=0&top=100'),
      await listUsers(sim, 'skip=100&top=100'),
      await listUsers(sim, 'skip=200&top=100'),
    ];

    expect(pages.map((page) => page.items.length)).toEqual([100, 100, 50]);
    expect(pages.every((page) => page.count === 250)).toBe(true);
    const names = pages.flatMap((page) => page.items.map((user) => user.name));
    expect(new Set(names).size).toBe(250);
    expect(names[0]).toBe('user001');
    expect(names[249]).toBe('user250');
  });

  it('defaults to skip 0 and top 100', async () => {
    const sim = await simulator({ seed: { users: 120 } });
    const page = await listUsers(sim, '');
    expect(page.items).toHaveLength(100);
    expect(page.items[0]?.name).toBe('user001');
  });

  it.each([
    ['top', 'top=101'],
    ['top', 'top=0'],
    ['skip', 'skip=-1'],
    ['filter', "filter=name like 'x'"],
    ['filter', "filter=password eq 'x'"],
    ['orderby', 'orderby=name sideways'],
    ['orderby', 'orderby=password'],
  ])('refuses an unreadable %s (%s) with 400 naming it', async (field, query) => {
    const sim = await simulator();
    const answer = await callPortsip(sim, 'GET', `/api/users?${encodeURI(query)}`);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).field).toBe(field);
  });

  it("filters with field eq 'value', ne, and 'and', counting only the matches", async () => {
    const sim = await simulator({ seed: { users: 12 } });
    const query = (filter: string) => `filter=${encodeURIComponent(filter)}`;

    const one = await listUsers(sim, query("extension_number eq '1005'"));
    const sales = await listUsers(sim, query("department eq 'Sales'"));
    const salesNot1001 = await listUsers(
      sim,
      query("department eq 'Sales' and extension_number ne '1001'"),
    );
    const enabled = await listUsers(sim, query('enabled eq true'));

    expect(one.items.map((user) => user.name)).toEqual(['user005']);
    expect(one.count).toBe(1);
    expect(sales.items.map((user) => user.extension_number)).toEqual(['1001', '1005', '1009']);
    expect(salesNot1001.items.map((user) => user.extension_number)).toEqual(['1005', '1009']);
    expect(enabled.count).toBe(12);
  });

  it('searches case-insensitively in names, display names, emails and extensions', async () => {
    const sim = await simulator({ seed: { users: 12 } });
    await callPortsip(sim, 'POST', '/api/users', {
      json: validPortsipUser(1, { display_name: "Siobhan O'Neil" }),
    });

    const byDisplay = await listUsers(sim, 'search=o%27neil');
    const byExtension = await listUsers(sim, 'search=1012');

    expect(byDisplay.items.map((user) => user.name)).toEqual(['new.user1']);
    expect(byExtension.items.map((user) => user.name)).toEqual(['user012']);
  });

  it('orders by a field ascending or descending, then pages the ordered list', async () => {
    const sim = await simulator({ seed: { users: 5 } });
    const desc = await listUsers(sim, 'orderby=extension_number%20desc&top=2');
    const asc = await listUsers(sim, 'orderby=department%20asc,name%20desc');

    expect(desc.items.map((user) => user.extension_number)).toEqual(['1005', '1004']);
    expect(asc.items.map((user) => user.department)).toEqual([
      'Engineering',
      'Finance',
      'Sales',
      'Sales',
      'Support',
    ]);
    expect(asc.items[2]?.name).toBe('user005');
  });

  it('pages, filters and orders group members too', async () => {
    const sim = await simulator({ seed: { users: 5, groups: 1, membersPerGroup: 5 } });
    const id = sim.state.groups()[0]?.id ?? '';
    const answer = await callPortsip(
      sim,
      'GET',
      `/api/groups/${id}/members?skip=1&top=2&orderby=extension_number%20desc`,
    );
    const items = (answer.body as PortsipPage<ListedUser>).items;
    expect(items.map((member) => member.extension_number)).toEqual(['1004', '1003']);
  });
});

describe('PortSIP simulator: quota and faults', () => {
  it('answers 429 with Retry-After once the per-minute quota is spent, per token, until the minute ends', async () => {
    let clock = Date.parse('2025-01-01T10:00:00Z');
    const sim = await simulator({ quotaPerMinute: 3, tokens: ['a', 'b'], now: () => clock });
    const get = (token: string) => callPortsip(sim, 'GET', '/api/roles', { token });

    const statuses = [(await get('a')).status, (await get('a')).status, (await get('a')).status];
    clock += 20_000;
    const refused = await get('a');
    const otherToken = await get('b');
    clock += 40_000;
    const nextMinute = await get('a');

    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(errorOf(refused).code).toBe('TOO_MANY_REQUESTS');
    expect(otherToken.status).toBe(200);
    expect(nextMinute.status).toBe(200);
  });

  it('answers a scripted 503 without applying the request, then serves the next one', async () => {
    const sim = await simulator();
    sim.injectFault('create-user', { kind: 'status', status: 503, retryAfter: 2 });

    const failed = await callPortsip(sim, 'POST', '/api/users', { json: validPortsipUser(1) });
    const retried = await callPortsip(sim, 'POST', '/api/users', { json: validPortsipUser(1) });

    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect(retried.status).toBe(200);
    expect(sim.state.users()).toHaveLength(1);
  });

  it('drops the connection after applying a create, so the user exists though no answer came', async () => {
    const sim = await simulator();
    sim.injectFault('create-user', { kind: 'drop-after-apply' });

    await expect(
      callPortsip(sim, 'POST', '/api/users', { json: validPortsipUser(1) }),
    ).rejects.toThrow();

    expect(sim.state.users().map((user) => user.name)).toEqual(['new.user1']);
    expect(sim.state.requests.at(-1)).toMatchObject({ route: 'create-user', status: null });
  });

  it('drops the connection before applying, leaving nothing created', async () => {
    const sim = await simulator();
    sim.injectFault('*', { kind: 'drop-before-apply' });
    await expect(
      callPortsip(sim, 'POST', '/api/groups', { json: { name: 'Ops' } }),
    ).rejects.toThrow();
    expect(sim.state.groups()).toHaveLength(0);
  });
});
