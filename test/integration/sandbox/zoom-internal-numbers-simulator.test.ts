import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ZOOM_SUB_ACCOUNTS,
  ZOOM_MASTER_ACCOUNT_ID,
} from '../../../main/sandbox/zoom/internal-numbers-state';
import { startZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import type {
  ZoomSimulator,
  ZoomSimulatorOptions,
} from '../../../main/sandbox/zoom/zoom-simulator';
import {
  callSimulator,
  listInternalNumbersOver,
  validInternalNumber,
} from '../../helpers/zoom-simulator-client';

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

const SUB = DEFAULT_ZOOM_SUB_ACCOUNTS[0] ?? '';
const path = (account: string) => `/accounts/${account}/sip_trunk/internal_numbers`;
const add = (sim: ZoomSimulator, account: string, numbers: unknown, token?: string | null) =>
  callSimulator(sim.url, 'POST', path(account), {
    json: { internal_numbers: numbers },
    ...(token === undefined ? {} : { token }),
  });
const messageOf = (answer: { body: unknown }) => (answer.body as ZoomErrorBody).message;

describe('Zoom simulator: POST /accounts/{accountId}/sip_trunk/internal_numbers', () => {
  it('adds an array of numbers to the master account (me) and answers 201 with their ids', async () => {
    const sim = await simulator();
    const answer = await add(sim, 'me', [validInternalNumber(1), validInternalNumber(2)]);
    expect(answer.status).toBe(201);
    const listed = (answer.body as { internal_numbers: { id: string; number: string }[] })
      .internal_numbers;
    expect(listed.map((entry) => entry.number)).toEqual(['+14155551001', '+14155551002']);
    expect(listed.every((entry) => entry.id.length === 22)).toBe(true);
    expect(sim.state.internalNumbers.list('me').map((entry) => entry.number)).toEqual([
      '+14155551001',
      '+14155551002',
    ]);
    // `me` and the master's own id are one account.
    expect(sim.state.internalNumbers.list(ZOOM_MASTER_ACCOUNT_ID)).toHaveLength(2);
  });

  it('keeps each sub account apart: the same number may be added to two accounts', async () => {
    const sim = await simulator();
    expect((await add(sim, SUB, [validInternalNumber(1)])).status).toBe(201);
    expect((await add(sim, 'me', [validInternalNumber(1)])).status).toBe(201);
    expect(sim.state.internalNumbers.list(SUB)).toHaveLength(1);
    expect(sim.state.internalNumbers.list('me')).toHaveLength(1);
  });

  it('answers 404 with code 2001 for an account that is not a sub account, adding nothing', async () => {
    const sim = await simulator({ subAccounts: ['OnlySubAccount'] });
    const answer = await add(sim, SUB, [validInternalNumber(1)]);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 2001, message: `Account does not exist: ${SUB}.` });
    expect((await add(sim, 'OnlySubAccount', [validInternalNumber(1)])).status).toBe(201);
    expect(sim.state.internalNumbers.count()).toBe(1);
  });

  it.each([
    ['labels', { labels: undefined }, 'internal_numbers[0] (+14155551001): labels is required'],
    ['number', { number: '4155551001' }, 'number must be an E.164 number'],
    ['display_number', { display_number: '' }, 'display_number must not be empty'],
    ['type', { type: 3 }, 'type must be 1 (toll) or 2 (toll-free)'],
    ['type as text', { type: '1' }, 'type must be an integer'],
    ['country', { country: 'USA' }, 'country must be a two-letter ISO 3166 country code'],
    ['country case', { country: 'us' }, 'country must be a two-letter ISO 3166 country code'],
    ['languages', { languages: 'fr-FR' }, 'languages must be one of en-GB, en-US, de-DE'],
    ['visible', { visible: 'yes' }, 'visible must be true or false'],
    ['unknown field', { account_id: 'me' }, 'unknown field "account_id"'],
  ])('refuses a bad %s with 400, code 300 and a message naming the field', async (_, bad, text) => {
    const sim = await simulator();
    const answer = await add(sim, 'me', [validInternalNumber(2), validInternalNumber(1, bad)]);
    expect(answer.status).toBe(400);
    expect((answer.body as ZoomErrorBody).code).toBe(300);
    expect(messageOf(answer)).toContain(text.replace('[0]', '[1]'));
    expect(sim.state.internalNumbers.count()).toBe(0);
  });

  it('refuses an empty array and a body without internal_numbers', async () => {
    const sim = await simulator();
    expect(messageOf(await add(sim, 'me', []))).toContain('at least one number');
    const bare = await callSimulator(sim.url, 'POST', path('me'), { json: {} });
    expect(bare.status).toBe(400);
    expect(messageOf(bare)).toContain('internal_numbers is required');
  });

  it('refuses a number the account already holds with 409 naming it, and adds none of the batch', async () => {
    const sim = await simulator();
    await add(sim, 'me', [validInternalNumber(1)]);
    const answer = await add(sim, 'me', [validInternalNumber(2), validInternalNumber(1)]);
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      code: 1005,
      message: 'Internal number +14155551001 already exists on this account.',
    });
    expect(sim.state.internalNumbers.list('me')).toHaveLength(1);
  });

  it('refuses a number repeated inside one request', async () => {
    const sim = await simulator();
    const answer = await add(sim, 'me', [validInternalNumber(1), validInternalNumber(1)]);
    expect(answer.status).toBe(400);
    expect(messageOf(answer)).toContain('internal_numbers[1] (+14155551001): number repeats');
  });

  it('applies auth, the rate limit and scripted faults to the new routes', async () => {
    const sim = await simulator({ rateLimit: { perSecond: 1, burst: 1 } });
    expect((await add(sim, 'me', [validInternalNumber(1)], null)).status).toBe(401);
    expect((await add(sim, 'me', [validInternalNumber(1)])).status).toBe(201);
    const limited = await add(sim, 'me', [validInternalNumber(2)]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);

    const faulty = await simulator();
    faulty.faults.enqueue('add-internal-numbers', { kind: 'status', status: 503 });
    expect((await add(faulty, 'me', [validInternalNumber(1)])).status).toBe(503);
    expect(faulty.state.internalNumbers.count()).toBe(0);
    faulty.faults.enqueue('add-internal-numbers', { kind: 'partial-success', listed: 1 });
    const partial = await add(faulty, 'me', [validInternalNumber(1), validInternalNumber(2)]);
    expect((partial.body as { internal_numbers: unknown[] }).internal_numbers).toHaveLength(1);
    expect(faulty.state.internalNumbers.count()).toBe(2);
    faulty.faults.enqueue('add-internal-numbers', { kind: 'drop-after-apply' });
    await expect(add(faulty, 'me', [validInternalNumber(3)])).rejects.toThrow();
    expect(faulty.state.internalNumbers.count()).toBe(3);
  });
});

describe('Zoom simulator: GET /accounts/{accountId}/sip_trunk/internal_numbers', () => {
  it('pages an account with next_page_token, clamping page_size to 100', async () => {
    const sim = await simulator();
    const numbers = Array.from({ length: 130 }, (_, i) => validInternalNumber(i + 1));
    expect((await add(sim, SUB, numbers)).status).toBe(201);
    const first = await callSimulator(sim.url, 'GET', `${path(SUB)}?page_size=500`);
    expect(first.body).toMatchObject({ page_size: 100, total_records: 130 });
    const page = first.body as { internal_numbers: unknown[]; next_page_token: string };
    expect(page.internal_numbers).toHaveLength(100);
    expect(page.next_page_token).not.toBe('');
    const all = await listInternalNumbersOver(sim.url, SUB);
    expect(all.map((entry) => entry.number)).toEqual(numbers.map((entry) => entry.number));
    expect(all[0]).toEqual({
      id: expect.any(String) as string,
      ...validInternalNumber(1),
      visible: true,
      allow_join: true,
      allow_for_external_meetings: false,
    });
  });

  it('refuses a page token issued for another account, and an unknown account with 404', async () => {
    const sim = await simulator();
    await add(
      sim,
      'me',
      Array.from({ length: 3 }, (_, i) => validInternalNumber(i + 1)),
    );
    const first = await callSimulator(sim.url, 'GET', `${path('me')}?page_size=1`);
    const token = (first.body as { next_page_token: string }).next_page_token;
    const elsewhere = await callSimulator(sim.url, 'GET', `${path(SUB)}?next_page_token=${token}`);
    expect(elsewhere.status).toBe(400);
    const missing = await callSimulator(sim.url, 'GET', path('NoSuchAccount'));
    expect(missing.status).toBe(404);
    expect((missing.body as ZoomErrorBody).code).toBe(2001);
  });
});
