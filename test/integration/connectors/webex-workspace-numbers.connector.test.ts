import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_WORKSPACES, webexWorkspaceId } from '../../../main/sandbox/webex/webex-seed';
import {
  startWebexSimulator,
  type WebexSimulator,
  type WebexSimulatorOptions,
} from '../../../main/sandbox/webex/webex-simulator';
import { webexWorkspaceNumbersExporter } from '../../../main/services/connectors/webex/webex-workspace-numbers-export';
import { createWebexWorkspaceNumbersAdapter } from '../../../main/services/connectors/webex/webex-workspace-numbers.connector';
import { staticToken } from '../../../main/services/http/token-source';
import type { PushItem } from '../../../main/services/push/push-adapter';
import {
  workspaceNumberIdentity,
  type WebexWorkspaceNumberPayload,
} from '../../../shared/datasets/webex-workspace-numbers';

const TOKEN = 'connector-token';
const LOBBY = webexWorkspaceId('lobby');
const BREAK = webexWorkspaceId('break-room');
const pace = async () => {};

const running: WebexSimulator[] = [];
async function simulator(options: WebexSimulatorOptions = {}) {
  const sim = await startWebexSimulator({ tokens: [TOKEN], ...options });
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

const adapterFor = (sim: WebexSimulator, orgId?: string, token = TOKEN) =>
  createWebexWorkspaceNumbersAdapter(
    { baseUrl: sim.url, auth: staticToken(token) },
    orgId ? { orgId } : {},
  );
const item = (
  row: number,
  payload: WebexWorkspaceNumberPayload,
): PushItem<WebexWorkspaceNumberPayload> => ({
  row,
  payload,
  identity: workspaceNumberIdentity(payload),
});

describe('Webex workspace numbers connector', () => {
  it('sends one PUT for a batch and reports every row done, keyed by identity with the number as id', async () => {
    const sim = await simulator();
    const items = [
      item(2, { workspaceId: BREAK, action: 'ADD', phoneNumber: '+12025550150', primary: true }),
      item(3, {
        workspaceId: BREAK,
        action: 'ADD',
        extension: '1151',
        distinctiveRingEnabled: true,
      }),
    ];
    const outcome = await adapterFor(sim).send(items);
    expect(outcome).toEqual({
      kind: 'accepted',
      created: new Map([
        [items[0]?.identity, '+12025550150'],
        [items[1]?.identity, '1151'],
      ]),
    });
    expect(sim.state.workspace(BREAK)?.distinctiveRingEnabled).toBe(true);
    expect(sim.state.requests).toHaveLength(1);
  });

  it('blames the row whose number a refusal names, so the engine retries the others without it', async () => {
    const sim = await simulator();
    const items = [
      item(2, { workspaceId: BREAK, action: 'ADD', phoneNumber: '+12025550150' }),
      item(3, { workspaceId: BREAK, action: 'ADD', phoneNumber: '+12025550101' }),
    ];
    const outcome = await adapterFor(sim).send(items);
    expect(outcome).toMatchObject({ kind: 'rejected', status: 409, blame: [items[1]?.identity] });
    expect(outcome.kind === 'rejected' && outcome.message).toMatch(/trackingId SIM_/);
  });

  it('classifies 429 with its Retry-After and 401 as a sign-in problem', async () => {
    const sim = await simulator({ rateLimit: { perSecond: 1, burst: 1 } });
    const one = [item(2, { workspaceId: BREAK, action: 'ADD', phoneNumber: '+12025550150' })];
    await adapterFor(sim).send(one);
    expect(await adapterFor(sim).send(one)).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 1000,
      daily: false,
    });
    expect(await adapterFor(sim, undefined, 'wrong').send(one)).toMatchObject({ kind: 'auth' });
  });

  it('snapshots only the workspaces the sheet names, and looks up ADDs present and DELETEs gone', async () => {
    const sim = await simulator();
    const adapter = adapterFor(sim);
    const add = { workspaceId: LOBBY, action: 'ADD', phoneNumber: '+12025550101' } as const;
    const gone = { workspaceId: LOBBY, action: 'DELETE', phoneNumber: '+12025550177' } as const;
    const records = await adapter.snapshot?.(pace, [add, add, gone]);
    expect(records?.map((r) => r.id)).toEqual(['+12025550101', '1102']);
    expect(sim.state.requests).toHaveLength(1);
    const found = await adapter.lookup(
      [
        item(2, add),
        item(3, gone),
        item(4, { workspaceId: LOBBY, action: 'DELETE', extension: '1102' }),
      ],
      pace,
    );
    expect([...found.values()]).toEqual(['+12025550101', '+12025550177']);
  });

  it('exports with orgId in the query, and names a workspace that is not found', async () => {
    const sim = await simulator({
      managedOrgIds: ['customer'],
      seedWorkspaces: [...DEMO_WORKSPACES, { id: 'cust-ws', orgId: 'customer' }],
    });
    const connection = { baseUrl: sim.url, auth: staticToken(TOKEN) };
    const table = await webexWorkspaceNumbersExporter(connection, {
      orgId: 'customer',
      workspaceIds: ['cust-ws'],
    }).read(pace);
    expect(table.rows).toEqual([]);
    expect(sim.state.requests[0]?.path).toMatch(/\/cust-ws\/numbers\?orgId=customer$/);
    await expect(
      webexWorkspaceNumbersExporter(connection, { workspaceIds: ['cust-ws'] }).read(pace),
    ).rejects.toThrow('Webex workspace cust-ws was not found.');
    expect(() => webexWorkspaceNumbersExporter(connection, { filters: { status: 'x' } })).toThrow(
      /cannot be filtered by "status"/,
    );
  });
});
