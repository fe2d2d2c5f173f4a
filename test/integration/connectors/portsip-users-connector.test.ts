import { afterEach, describe, expect, it } from 'vitest';
import type { PortsipUserPayload } from '../../../shared/datasets/portsip-users';
import { SANDBOX_TOKEN } from '../../../main/sandbox/sandbox-defaults';
import {
  startPortsipSimulator,
  type PortsipSimulator,
} from '../../../main/sandbox/portsip/portsip-simulator';
import { staticToken } from '../../../main/services/http/token-source';
import {
  createPortsipUsersAdapter,
  userUpdateBody,
} from '../../../main/services/connectors/portsip/portsip-users.connector';
import type { PushItem } from '../../../main/services/push/push-adapter';

const running: PortsipSimulator[] = [];
async function setup() {
  // Seeded: user001 / 1001 … user003 / 1003, StandardUser.
  const sim = await startPortsipSimulator({ seed: { users: 3 } });
  running.push(sim);
  const adapter = createPortsipUsersAdapter({ baseUrl: sim.url, auth: staticToken(SANDBOX_TOKEN) });
  return { sim, adapter };
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

const pace = async () => {};
const item = (payload: PortsipUserPayload, updateId?: string): PushItem<PortsipUserPayload> => ({
  row: 2,
  payload,
  identity: payload.extension_number,
  ...(updateId === undefined ? {} : { updateId }),
});

describe('PortSIP users adapter', () => {
  it('keeps the name, extension, role and every secret out of the update body', () => {
    expect(
      userUpdateBody({
        name: 'a',
        extension_number: '101',
        password: 'p',
        extension_password: 'e',
        voicemail_pin: '135792',
        role: 'Admin',
        department: 'Sales',
        enable_dnd: true,
      }),
    ).toEqual({ department: 'Sales', enable_dnd: true });
  });

  it('blames the row and changes nothing when an update names a role the PBX does not have', async () => {
    const { sim, adapter } = await setup();
    const user = sim.state.findUserByExtension('1001');
    const outcome = await adapter.send([
      item(
        { name: 'user001', extension_number: '1001', role: 'Ghost', department: 'Moved' },
        user?.id,
      ),
    ]);
    expect(outcome).toMatchObject({
      kind: 'rejected',
      status: 400,
      blame: ['1001'],
      message: expect.stringContaining('"Ghost" is not an existing role') as unknown,
    });
    expect(sim.state.findUserByExtension('1001')?.department).toBe(user?.department);
  });

  it('finds users by extension with the list filter, one request per extension', async () => {
    const { sim, adapter } = await setup();
    sim.state.clearRequests();
    const found = await adapter.lookup(
      [
        item({ name: 'x', extension_number: '1002' }),
        item({ name: 'y', extension_number: '9999' }),
      ],
      pace,
    );
    expect(found).toEqual(new Map([['1002', sim.state.findUserByExtension('1002')?.id]]));
    expect(sim.state.requests.map((r) => decodeURIComponent(r.path))).toEqual([
      expect.stringContaining("filter=extension_number+eq+'1002'"),
      expect.stringContaining("filter=extension_number+eq+'9999'"),
    ]);
  });

  it('reads full settings in a snapshot only for users whose rows set a field the list omits', async () => {
    const { sim, adapter } = await setup();
    sim.state.clearRequests();
    const records = await adapter.snapshot?.(pace, [
      { name: 'user001', extension_number: '1001', department: 'Sales' },
      { name: 'user002', extension_number: '1002', enable_dnd: true },
    ]);
    expect(records?.map((record) => record.identity)).toEqual(['1001', '1002', '1003']);
    expect(sim.state.requests.map((r) => r.route)).toEqual(['list-users', 'get-user']);
    expect(sim.state.requests[1]?.path).toContain(sim.state.findUserByExtension('1002')?.id);
  });
});
