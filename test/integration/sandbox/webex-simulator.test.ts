import { afterEach, describe, expect, it } from 'vitest';
import { startWebexSimulator } from '../../../main/sandbox/webex/webex-simulator';
import type {
  WebexSimulator,
  WebexSimulatorOptions,
} from '../../../main/sandbox/webex/webex-simulator';
import { DEMO_WORKSPACES, webexWorkspaceId } from '../../../main/sandbox/webex/webex-seed';
import {
  getNumbers,
  putNumbers,
  webexMessageOf,
  type WebexErrorBody,
  type WorkspaceNumbersBody,
} from '../../helpers/webex-simulator-client';

const LOBBY = webexWorkspaceId('lobby');
const CONF = webexWorkspaceId('conference-room-a');
const BREAK = webexWorkspaceId('break-room');

const running: WebexSimulator[] = [];
async function simulator(options: WebexSimulatorOptions = {}): Promise<WebexSimulator> {
  const sim = await startWebexSimulator(options);
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

const add = (phoneNumber: string, extra: Record<string, unknown> = {}) => ({
  action: 'ADD',
  phoneNumber,
  ...extra,
});

describe('Webex simulator: get workspace numbers', () => {
  it('lists a seeded workspace with distinctive ring, numbers, extensions, primary and ring pattern', async () => {
    const sim = await simulator();
    const answer = await getNumbers(sim, CONF);
    expect(answer.status).toBe(200);
    const body = answer.body as WorkspaceNumbersBody;
    expect(body).toMatchObject({
      distinctiveRingEnabled: true,
      phoneNumbers: [
        { phoneNumber: '+12025550111', extension: '1111', primary: true, ringPattern: 'NORMAL' },
        {
          phoneNumber: '+12025550112',
          extension: '1112',
          primary: false,
          ringPattern: 'LONG_LONG',
        },
      ],
      workspace: { id: CONF },
      organization: { id: sim.orgId },
    });
    expect(sim.state.list()).toHaveLength(DEMO_WORKSPACES.length);
  });

  it('answers 404 for an unknown workspace in the Webex error shape', async () => {
    const sim = await simulator();
    const answer = await getNumbers(sim, 'no-such-workspace');
    expect(answer.status).toBe(404);
    const body = answer.body as WebexErrorBody;
    expect(body.message).toContain('no-such-workspace');
    expect(body.errors[0]?.description).toBe(body.message);
    expect(body.trackingId).toMatch(/^SIM_/);
  });
});

describe('Webex simulator: assign or unassign workspace numbers', () => {
  it('adds E.164 and US national numbers, deletes one, sets distinctive ring and answers 204', async () => {
    const sim = await simulator();
    const answer = await putNumbers(sim, LOBBY, {
      distinctiveRingEnabled: true,
      phoneNumbers: [
        add('+12025550120', { extension: '1120', ringPattern: 'SHORT_SHORT_LONG' }),
        add('(202) 555-0121'),
        { action: 'DELETE', extension: '1102' },
      ],
    });
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    expect(sim.state.workspace(LOBBY)?.distinctiveRingEnabled).toBe(true);
    expect(sim.state.numbersOf(LOBBY)).toEqual([
      { phoneNumber: '+12025550101', extension: '1101', primary: true, ringPattern: 'NORMAL' },
      {
        phoneNumber: '+12025550120',
        extension: '1120',
        primary: false,
        ringPattern: 'SHORT_SHORT_LONG',
      },
      { phoneNumber: '+12025550121', primary: false, ringPattern: 'NORMAL' },
    ]);
    expect(sim.state.requests.at(-1)).toMatchObject({
      route: 'put-workspace-numbers',
      status: 204,
      items: 3,
    });
  });

  it('updates a number the workspace has on ADD, and a new primary demotes the old one', async () => {
    const sim = await simulator();
    const answer = await putNumbers(sim, CONF, {
      phoneNumbers: [add('+12025550112', { primary: true, ringPattern: 'NORMAL' })],
    });
    expect(answer.status).toBe(204);
    expect(sim.state.numbersOf(CONF).map((n) => [n.phoneNumber, n.primary, n.ringPattern])).toEqual(
      [
        ['+12025550111', false, 'NORMAL'],
        ['+12025550112', true, 'NORMAL'],
      ],
    );
  });

  it.each([
    [{ phoneNumbers: [] }, /phoneNumbers is required/],
    [
      { phoneNumbers: [{ action: 'REPLACE', phoneNumber: '+12025550130' }] },
      /action must be ADD or DELETE/,
    ],
    [
      { phoneNumbers: [add('12345')] },
      /phoneNumber must be E\.164 \(or a US national number\), got "12345"/,
    ],
    [
      { phoneNumbers: [add('+12025550130', { ringPattern: 'long long' })] },
      /ringPattern must be one of NORMAL/,
    ],
    [{ phoneNumbers: [add('+12025550130', { primary: 'yes' })] }, /primary must be true or false/],
    [{ phoneNumbers: [add('+12025550130', { extension: '1' })] }, /extension must be 2-10 digits/],
    [{ phoneNumbers: [{ action: 'ADD' }] }, /needs a phoneNumber or an extension/],
    [
      { distinctiveRingEnabled: 'on', phoneNumbers: [add('+12025550130')] },
      /distinctiveRingEnabled/,
    ],
    [
      {
        phoneNumbers: [
          add('+12025550130', { primary: true }),
          add('+12025550131', { primary: true }),
        ],
      },
      /Only one phone number can be primary: phoneNumbers\[0\] \(\+12025550130\) and phoneNumbers\[1\]/,
    ],
    [
      { phoneNumbers: [add('+12025550130'), add('2025550130')] },
      /phoneNumbers\[1\]: number \+12025550130 repeats phoneNumbers\[0\]/,
    ],
  ])(
    'refuses a body breaking a field rule with 400 and changes nothing: %j',
    async (body, message) => {
      const sim = await simulator();
      const answer = await putNumbers(sim, BREAK, body);
      expect(answer.status).toBe(400);
      expect(webexMessageOf(answer)).toMatch(message);
      expect(sim.state.numbersOf(BREAK)).toEqual([]);
    },
  );

  it('refuses with 409 naming the number when another workspace holds it, and is all or nothing', async () => {
    const sim = await simulator();
    const answer = await putNumbers(sim, BREAK, {
      phoneNumbers: [add('+12025550140'), add('+12025550101')],
    });
    expect(answer.status).toBe(409);
    expect(webexMessageOf(answer)).toContain('+12025550101');
    expect(sim.state.numbersOf(BREAK)).toEqual([]);
  });

  it('refuses with 409 an extension another workspace of the location uses', async () => {
    const sim = await simulator();
    const answer = await putNumbers(sim, BREAK, {
      phoneNumbers: [add('+12025550140', { extension: '1111' })],
    });
    expect(answer.status).toBe(409);
    expect(webexMessageOf(answer)).toMatch(/Extension 1111 is already in use/);
  });

  it('refuses with 400 a DELETE of a number the workspace does not have, naming it', async () => {
    const sim = await simulator();
    const answer = await putNumbers(sim, LOBBY, {
      phoneNumbers: [{ action: 'DELETE', phoneNumber: '+12025550111' }],
    });
    expect(answer.status).toBe(400);
    expect(webexMessageOf(answer)).toBe(
      `Phone number +12025550111 is not assigned to workspace ${LOBBY}.`,
    );
    expect(sim.state.numbersOf(CONF)).toHaveLength(2);
  });

  it('answers 400 for a body that is not JSON and 404 for an unknown workspace', async () => {
    const sim = await simulator();
    expect((await putNumbers(sim, LOBBY, undefined, { raw: '{"phone' })).status).toBe(400);
    const missing = await putNumbers(sim, 'missing', { phoneNumbers: [add('+12025550150')] });
    expect(missing.status).toBe(404);
  });
});

describe('Webex simulator: auth, orgs, rate limit and faults', () => {
  it('answers 401 Webex-style without a token or with an unknown or revoked one', async () => {
    const sim = await simulator({ tokens: ['good'] });
    for (const token of [null, 'bad']) {
      const answer = await getNumbers(sim, LOBBY, { token });
      expect(answer.status).toBe(401);
      expect(webexMessageOf(answer)).toMatch(/valid access token/);
    }
    expect((await getNumbers(sim, LOBBY, { token: 'good' })).status).toBe(200);
    sim.revokeToken('good');
    expect((await getNumbers(sim, LOBBY, { token: 'good' })).status).toBe(401);
  });

  it('acts on a managed org through ?orgId=, 403 for other orgs, 404 for a workspace of another org', async () => {
    const customerWs = webexWorkspaceId('customer-lobby');
    const sim = await simulator({
      managedOrgIds: ['customer-org'],
      seedWorkspaces: [{ id: customerWs, orgId: 'customer-org' }, ...DEMO_WORKSPACES],
    });
    expect((await getNumbers(sim, customerWs)).status).toBe(404);
    const put = await putNumbers(
      sim,
      customerWs,
      { phoneNumbers: [add('+12025550160')] },
      { orgId: 'customer-org' },
    );
    expect(put.status).toBe(204);
    expect(sim.state.numbersOf(customerWs)).toHaveLength(1);
    expect((await getNumbers(sim, LOBBY, { orgId: 'customer-org' })).status).toBe(404);
    const foreign = await getNumbers(sim, customerWs, { orgId: 'stranger-org' });
    expect(foreign.status).toBe(403);
    expect(webexMessageOf(foreign)).toContain('stranger-org');
  });

  it('answers 429 with Retry-After past the rate, per token', async () => {
    const sim = await simulator({ rateLimit: { perSecond: 1, burst: 2 }, now: () => 1_000 });
    expect((await getNumbers(sim, LOBBY)).status).toBe(200);
    expect((await getNumbers(sim, LOBBY)).status).toBe(200);
    const limited = await getNumbers(sim, LOBBY);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('applies a request and drops the answer for a drop-after-apply fault; scripted statuses change nothing', async () => {
    const sim = await simulator();
    sim.faults.enqueue('put-workspace-numbers', { kind: 'status', status: 503, retryAfter: 2 });
    sim.faults.enqueue('put-workspace-numbers', { kind: 'drop-after-apply' });
    const body = { phoneNumbers: [add('+12025550170')] };
    const unavailable = await putNumbers(sim, BREAK, body);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('2');
    expect(sim.state.numbersOf(BREAK)).toEqual([]);
    await expect(putNumbers(sim, BREAK, body)).rejects.toThrow();
    expect(sim.state.numbersOf(BREAK).map((n) => n.phoneNumber)).toEqual(['+12025550170']);
    expect(sim.state.requests.at(-1)).toMatchObject({ status: null, fault: 'drop-after-apply' });
  });
});
