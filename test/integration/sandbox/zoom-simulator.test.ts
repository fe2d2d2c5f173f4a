import { afterEach, describe, expect, it } from 'vitest';
import { startZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import type {
  ZoomSimulator,
  ZoomSimulatorOptions,
} from '../../../main/sandbox/zoom/zoom-simulator';
import {
  callSimulator,
  validBatchUser,
  validBatchUsers,
} from '../../helpers/zoom-simulator-client';

interface ListedUser {
  id: string;
  email: string;
  name: string;
  extension_number: unknown;
  status: string;
  site: { id: string; name: string };
  calling_plans: {
    name: string;
    type: number;
    billing_account_id: string;
    billing_account_name: string;
  }[];
  phone_numbers: { id: string; number: string }[];
  department: string;
  cost_center: string;
}
interface ListPage {
  next_page_token: string;
  page_size: number;
  total_records: number;
  users: ListedUser[];
}
interface ZoomErrorBody {
  code: number;
  message: string;
}

const running: ZoomSimulator[] = [];
async function simulator(options: ZoomSimulatorOptions = {}): Promise<ZoomSimulator> {
  const sim = await startZoomSimulator(options);
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

const post = (sim: ZoomSimulator, users: unknown) =>
  callSimulator(sim.url, 'POST', '/phone/users/batch', { json: { users } });
const list = async (sim: ZoomSimulator, query = '') => {
  const answer = await callSimulator(sim.url, 'GET', `/phone/users${query}`);
  expect(answer.status).toBe(200);
  return answer.body as ListPage;
};
async function listAll(sim: ZoomSimulator, filters = ''): Promise<ListedUser[]> {
  const users: ListedUser[] = [];
  let token = '';
  do {
    const page = await list(sim, `?page_size=100${filters}&next_page_token=${token}`);
    users.push(...page.users);
    token = page.next_page_token;
  } while (token !== '');
  return users;
}

describe('Zoom simulator: batch add users', () => {
  it('creates every user of a valid batch, answers 201 with email and a 22-character id each, and lists them', async () => {
    const sim = await simulator();
    const users = [
      validBatchUser(1, { site_code: 'RMT', phone_numbers: ['+14155550101'] }),
      validBatchUser(2),
    ];

    const answer = await post(sim, users);

    expect(answer.status).toBe(201);
    const created = answer.body as { email: string; id: string }[];
    expect(created.map((item) => item.email)).toEqual(['new1@example.com', 'new2@example.com']);
    for (const item of created) {
      expect(item.id).toMatch(/^[0-9A-Za-z]{22}$/);
    }
    const page = await list(sim);
    expect(page.total_records).toBe(2);
    const first = page.users.find((user) => user.email === 'new1@example.com');
    expect(first).toMatchObject({
      id: created[0]?.id,
      name: 'First1 Last1',
      extension_number: 5001,
      status: 'activate',
      site: { name: 'Remote' },
      calling_plans: [{ name: 'US/CA Unlimited Calling', type: 200 }],
      phone_numbers: [{ number: '+14155550101' }],
    });
    expect(sim.state.findByEmail('NEW2@example.com')?.extensionNumber).toBe('5002');
  });

  it('refuses 11 users with 400 code 300 and creates none', async () => {
    const sim = await simulator();
    const answer = await post(sim, validBatchUsers(11));
    expect(answer.status).toBe(400);
    expect((answer.body as ZoomErrorBody).code).toBe(300);
    expect((answer.body as ZoomErrorBody).message).toContain('11');
    expect(sim.state.count()).toBe(0);
  });

  it('refuses an empty batch and a body without users', async () => {
    const sim = await simulator();
    expect((await post(sim, [])).status).toBe(400);
    const noUsers = await callSimulator(sim.url, 'POST', '/phone/users/batch', {
      json: { people: [] },
    });
    expect(noUsers.status).toBe(400);
  });

  it('refuses the whole batch when one user has an invalid field, naming that user, and creates nothing', async () => {
    const sim = await simulator();
    const users = validBatchUsers(5);
    users[3] = validBatchUser(4, { extension_number: '12a4' });

    const answer = await post(sim, users);

    expect(answer.status).toBe(400);
    expect((answer.body as ZoomErrorBody).message).toContain('users[3] (new4@example.com)');
    expect((answer.body as ZoomErrorBody).message).toContain('extension_number');
    expect(sim.state.count()).toBe(0);
  });

  it.each([
    ['a missing email', { email: undefined }, 'email is required'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['a numeric extension', { extension_number: 5001 }, 'extension_number'],
    ['no calling plan', { calling_plans: [] }, 'calling_plans'],
    [
      'an unknown calling plan',
      { calling_plans: ['Gold Plan'] },
      'unknown calling plan "Gold Plan"',
    ],
    ['a phone number not in E.164', { phone_numbers: ['(415) 555-0101'] }, 'phone_numbers[0]'],
    ['an unknown site code', { site_code: 'NYC' }, 'site_code "NYC"'],
    ['an unknown site name', { site_name: 'Moon Base' }, 'site_name "Moon Base"'],
    [
      'site code and name that disagree',
      { site_code: 'HQ', site_name: 'Remote' },
      'different sites',
    ],
    ['an unknown field', { extention_number: '5001' }, 'unknown field "extention_number"'],
    ['sms as a string', { sms: 'true' }, 'sms'],
    ['a bad desk phone MAC', { desk_phones: [{ mac: 'zz' }] }, 'desk_phones[0].mac'],
  ])('refuses a user with %s (400, message says why)', async (_name, overrides, expected) => {
    const sim = await simulator();
    const answer = await post(sim, [validBatchUser(1), validBatchUser(2, overrides)]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 300 });
    expect((answer.body as ZoomErrorBody).message).toContain(expected);
    expect(sim.state.count()).toBe(0);
  });

  it('answers 409 naming the email when a user already exists in the account, and creates nothing', async () => {
    const sim = await simulator({
      seedUsers: [{ email: 'taken@example.com', extensionNumber: '7000' }],
    });
    const answer = await post(sim, [
      validBatchUser(1),
      validBatchUser(2, { email: 'Taken@example.com' }),
    ]);
    expect(answer.status).toBe(409);
    expect((answer.body as ZoomErrorBody).message).toContain('Taken@example.com');
    expect(sim.state.count()).toBe(1);
  });

  it('answers 409 naming the email when an extension or a phone number is already taken', async () => {
    const sim = await simulator({ seedUsers: 1 });
    const extension = await post(sim, [validBatchUser(1, { extension_number: '1001' })]);
    expect(extension.status).toBe(409);
    expect((extension.body as ZoomErrorBody).message).toMatch(
      /Extension number 1001 .*new1@example\.com/,
    );
    const taken = sim.state.list()[0]?.phoneNumbers[0]?.number ?? '';
    const number = await post(sim, [validBatchUser(2, { phone_numbers: [taken] })]);
    expect(number.status).toBe(409);
    expect((number.body as ZoomErrorBody).message).toContain('new2@example.com');
    expect(sim.state.count()).toBe(1);
  });

  it('refuses the same email or extension twice in one batch with 400 naming both positions', async () => {
    const sim = await simulator();
    const sameEmail = await post(sim, [
      validBatchUser(1),
      validBatchUser(2, { email: 'NEW1@example.com' }),
    ]);
    expect(sameEmail.status).toBe(400);
    expect((sameEmail.body as ZoomErrorBody).message).toMatch(/users\[1\].*repeats users\[0\]/);
    const sameExtension = await post(sim, [
      validBatchUser(1),
      validBatchUser(2, { extension_number: '5001' }),
    ]);
    expect(sameExtension.status).toBe(400);
    expect(sim.state.count()).toBe(0);
  });

  it('answers 400 for malformed JSON and 413 for a body over the size limit', async () => {
    const sim = await simulator();
    const malformed = await callSimulator(sim.url, 'POST', '/phone/users/batch', {
      raw: '{"users": [',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 300 });
    const huge = await callSimulator(sim.url, 'POST', '/phone/users/batch', {
      raw: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(huge.status).toBe(413);
    expect(sim.state.requests.at(-1)).toMatchObject({ status: 413, bodyBytes: 1024 * 1024 + 1 });
  });

  it('answers 404 with a Zoom error body for an unknown route or method', async () => {
    const sim = await simulator();
    const unknown = await callSimulator(sim.url, 'GET', '/phone/sites');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 404, message: 'Not found' });
    expect((await callSimulator(sim.url, 'DELETE', '/phone/users/batch')).status).toBe(404);
  });
});

describe('Zoom simulator: list users', () => {
  it('pages 250 users at page_size 100 with next_page_token, each user exactly once, "" after the last page', async () => {
    const sim = await simulator({ seedUsers: 250, rateLimit: { perSecond: 1000 } });
    const sizes: number[] = [];
    const users: ListedUser[] = [];
    let token = '';
    do {
      const page = await list(sim, `?page_size=100&next_page_token=${token}`);
      expect(page.total_records).toBe(250);
      expect(page.page_size).toBe(100);
      sizes.push(page.users.length);
      users.push(...page.users);
      token = page.next_page_token;
    } while (token !== '');
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(users.map((user) => user.id)).size).toBe(250);
    expect(users.map((user) => user.email)).toEqual(sim.state.list().map((user) => user.email));
  });

  it('clamps page_size above 100 to 100, defaults to 30 and refuses a non-numeric page_size', async () => {
    const sim = await simulator({ seedUsers: 150 });
    const clamped = await list(sim, '?page_size=300');
    expect(clamped.page_size).toBe(100);
    expect(clamped.users).toHaveLength(100);
    const fallback = await list(sim);
    expect(fallback.page_size).toBe(30);
    expect(fallback.users).toHaveLength(30);
    expect((await callSimulator(sim.url, 'GET', '/phone/users?page_size=ten')).status).toBe(400);
  });

  it('returns every field the spec lists, with extension_number as a JSON number', async () => {
    const sim = await simulator({ seedUsers: 1 });
    const [user] = (await list(sim)).users;
    expect(Object.keys(user ?? {}).sort()).toEqual(
      [
        'calling_plans',
        'cost_center',
        'department',
        'email',
        'extension_id',
        'extension_number',
        'id',
        'name',
        'phone_numbers',
        'phone_user_id',
        'site',
        'status',
      ].sort(),
    );
    expect(user).toMatchObject({
      email: 'user001@sandbox.example.com',
      extension_number: 1001,
      status: 'activate',
    });
    expect(user?.calling_plans[0]).toEqual({
      name: 'US/CA Unlimited Calling',
      type: 200,
      billing_account_id: expect.any(String) as string,
      billing_account_name: expect.any(String) as string,
    });
  });

  it('filters by site_id, calling_type, status, department, cost_center and keyword, paging within the filter', async () => {
    const sim = await simulator({ seedUsers: 120, rateLimit: { perSecond: 1000 } });
    const everyone = await listAll(sim);
    const remote = everyone.find((user) => user.site.name === 'Remote')?.site.id ?? '';
    const cases: [string, (user: ListedUser) => boolean][] = [
      [`&site_id=${remote}`, (user) => user.site.id === remote],
      ['&calling_type=4000', (user) => user.calling_plans.some((plan) => plan.type === 4000)],
      ['&status=deactivate', (user) => user.status === 'deactivate'],
      ['&status=pending', (user) => user.status === 'pending'],
      ['&department=engineering', (user) => user.department === 'Engineering'],
      ['&cost_center=CC-300', (user) => user.cost_center === 'CC-300'],
      ['&keyword=chlo', (user) => user.name.toLowerCase().includes('chlo')],
      ['&keyword=1007', (user) => String(user.extension_number).includes('1007')],
      [
        '&keyword=%2B4420',
        (user) => user.phone_numbers.some((phone) => phone.number.startsWith('+4420')),
      ],
      [
        '&status=activate&department=Sales',
        (user) => user.status === 'activate' && user.department === 'Sales',
      ],
    ];
    for (const [query, predicate] of cases) {
      const expected = everyone.filter(predicate).map((user) => user.id);
      expect(expected.length, query).toBeGreaterThan(0);
      const first = await list(sim, `?page_size=5${query}`);
      expect(first.total_records, query).toBe(expected.length);
      const all = await listAll(sim, query);
      expect(
        all.map((user) => user.id),
        query,
      ).toEqual(expected);
    }
  });

  it('refuses an unknown status and a non-integer calling_type with 400', async () => {
    const sim = await simulator();
    expect((await callSimulator(sim.url, 'GET', '/phone/users?status=sleeping')).status).toBe(400);
    expect((await callSimulator(sim.url, 'GET', '/phone/users?calling_type=abc')).status).toBe(400);
  });

  it('accepts a next_page_token again within 15 minutes and refuses it once expired, unknown or used under other filters', async () => {
    let clock = Date.UTC(2026, 0, 1, 12);
    const sim = await simulator({ seedUsers: 40, now: () => clock });
    const first = await list(sim, '?page_size=3&department=Sales');
    expect(first.next_page_token).not.toBe('');
    const again = async () =>
      callSimulator(
        sim.url,
        'GET',
        `/phone/users?page_size=3&next_page_token=${first.next_page_token}`,
      );
    const second = await again();
    expect(second.status).toBe(200);
    expect((second.body as ListPage).users.every((user) => user.department === 'Sales')).toBe(true);
    clock += 14 * 60 * 1000;
    const replay = await again();
    expect((replay.body as ListPage).users).toEqual((second.body as ListPage).users);
    const otherFilter = await callSimulator(
      sim.url,
      'GET',
      `/phone/users?department=Support&next_page_token=${first.next_page_token}`,
    );
    expect(otherFilter.status).toBe(400);
    clock += 60 * 1000;
    const expired = await again();
    expect(expired.status).toBe(400);
    expect((expired.body as ZoomErrorBody).message).toMatch(/next page token/i);
    expect(
      (await callSimulator(sim.url, 'GET', '/phone/users?next_page_token=made-up')).status,
    ).toBe(400);
  });
});

describe('Zoom simulator: auth and rate limit', () => {
  it('answers 401 code 124 without a token, with an unknown token and after the token is revoked', async () => {
    const sim = await simulator({ tokens: ['good'] });
    for (const token of [null, 'bad']) {
      const answer = await callSimulator(sim.url, 'GET', '/phone/users', { token });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ code: 124, message: 'Invalid access token.' });
    }
    expect((await post(sim, [validBatchUser(1)])).status).toBe(401);
    expect(sim.state.count()).toBe(0);
    expect((await callSimulator(sim.url, 'GET', '/phone/users', { token: 'good' })).status).toBe(
      200,
    );
    sim.revokeToken('good');
    sim.acceptToken('fresh');
    expect((await callSimulator(sim.url, 'GET', '/phone/users', { token: 'good' })).status).toBe(
      401,
    );
    expect((await callSimulator(sim.url, 'GET', '/phone/users', { token: 'fresh' })).status).toBe(
      200,
    );
  });

  it('answers 429 with Retry-After past the rate and succeeds after waiting that long', async () => {
    const sim = await simulator({ rateLimit: { perSecond: 2, burst: 2 }, tokens: ['a', 'b'] });
    const get = (token: string) => callSimulator(sim.url, 'GET', '/phone/users', { token });
    expect((await get('a')).status).toBe(200);
    expect((await get('a')).status).toBe(200);

    const limited = await get('a');

    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      code: 429,
      message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
    });
    expect(limited.headers.get('x-ratelimit-category')).toBe('Light');
    expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
    const retryAfter = limited.headers.get('retry-after') ?? '';
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    // Buckets are per token (account): another account is not held back.
    expect((await get('b')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Number(retryAfter) * 1000));
    expect((await get('a')).status).toBe(200);
  });

  it('labels the batch route Medium', async () => {
    const sim = await simulator();
    const answer = await post(sim, [validBatchUser(1)]);
    expect(answer.headers.get('x-ratelimit-category')).toBe('Medium');
  });
});

describe('Zoom simulator: request log and latency', () => {
  it('logs method, path, route, status, body size and batch size, and never the token', async () => {
    const sim = await simulator({ tokens: ['s3cr3t-token-value'] });
    const body = { users: validBatchUsers(3) };
    await callSimulator(sim.url, 'POST', '/phone/users/batch', {
      json: body,
      token: 's3cr3t-token-value',
    });
    await callSimulator(sim.url, 'GET', '/phone/users?page_size=5', {
      token: 's3cr3t-token-value',
    });

    expect(sim.state.requests).toMatchObject([
      {
        method: 'POST',
        path: '/v2/phone/users/batch',
        route: 'batch-add-users',
        status: 201,
        items: 3,
        bodyBytes: JSON.stringify(body).length,
      },
      { method: 'GET', path: '/v2/phone/users?page_size=5', route: 'list-users', status: 200 },
    ]);
    expect(JSON.stringify(sim.state.requests)).not.toContain('s3cr3t');
    sim.state.clearRequests();
    expect(sim.state.requests).toHaveLength(0);
  });

  it('waits latencyMs before answering', async () => {
    const sim = await simulator({ latencyMs: 60 });
    const started = performance.now();
    await list(sim);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});
