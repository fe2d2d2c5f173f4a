import { describe, expect, it } from 'vitest';
import { PORTSIP_BUILT_IN_ROLES } from '../../../shared/datasets/portsip/portsip-rules';
import {
  callPortsip,
  usePortsipSimulators,
  createPortsipUser,
  errorOf,
  validPortsipRole,
  validPortsipUser,
} from '../../helpers/portsip-simulator-client';
import type { PortsipPage } from '../../helpers/portsip-simulator-client';

const simulator = usePortsipSimulators();

describe('PortSIP simulator: roles', () => {
  it('lists the built-in roles from the start', async () => {
    const sim = await simulator();
    const page = (await callPortsip(sim, 'GET', '/api/roles')).body as PortsipPage<{
      name: string;
    }>;
    expect(page.items.map((role) => role.name)).toEqual([...PORTSIP_BUILT_IN_ROLES]);
    expect(page.count).toBe(PORTSIP_BUILT_IN_ROLES.length);
  });

  it('refuses to modify or destroy a built-in role, and to create one with a built-in name', async () => {
    const sim = await simulator();
    const modify = await callPortsip(sim, 'POST', '/api/roles/Admin', {
      json: { description: 'x' },
    });
    const destroy = await callPortsip(sim, 'POST', '/api/roles/SystemAdmin/destroy');
    const create = await callPortsip(sim, 'POST', '/api/roles', {
      json: validPortsipRole('admin'),
    });

    for (const answer of [modify, destroy, create]) {
      expect(answer.status).toBe(400);
      expect(errorOf(answer).field).toBe('name');
    }
    expect(sim.state.findRole('Admin')?.description).toBe('Built-in Admin role.');
    expect(sim.state.roles()).toHaveLength(PORTSIP_BUILT_IN_ROLES.length);
  });

  it('creates, reads, renames (moving its users) and destroys a custom role', async () => {
    const sim = await simulator();
    const created = await callPortsip(sim, 'POST', '/api/roles', {
      json: validPortsipRole('Front Desk'),
    });
    expect(created).toMatchObject({ status: 200, body: { name: 'Front Desk' } });
    const read = await callPortsip(sim, 'GET', `/api/roles/${encodeURIComponent('Front Desk')}`);
    expect(read.body).toMatchObject({
      name: 'Front Desk',
      permissions: {
        general: { voicemail_view_only: true, meeting: false },
        billing: { full_access: false },
      },
    });
    await createPortsipUser(sim, validPortsipUser(1, { role: 'Front Desk' }));

    const rename = await callPortsip(
      sim,
      'POST',
      `/api/roles/${encodeURIComponent('Front Desk')}`,
      {
        json: { name: 'Reception' },
      },
    );
    const destroyHeld = await callPortsip(sim, 'POST', '/api/roles/Reception/destroy');

    expect(rename.status).toBe(204);
    expect(sim.state.users()[0]?.role).toBe('Reception');
    expect(destroyHeld.status).toBe(409);
    await callPortsip(sim, 'POST', `/api/users/${sim.state.users()[0]?.id}/role`, {
      json: { role: 'Admin' },
    });
    expect((await callPortsip(sim, 'POST', '/api/roles/Reception/destroy')).status).toBe(204);
    expect((await callPortsip(sim, 'GET', '/api/roles/Reception')).status).toBe(404);
  });

  it('refuses a duplicate role name with 409 and bad permissions with 400 naming the permission', async () => {
    const sim = await simulator();
    await callPortsip(sim, 'POST', '/api/roles', { json: validPortsipRole('Night') });
    const duplicate = await callPortsip(sim, 'POST', '/api/roles', {
      json: validPortsipRole('NIGHT'),
    });
    const badKey = await callPortsip(sim, 'POST', '/api/roles', {
      json: { name: 'X', permissions: { trunk: { delete_all: true } } },
    });
    const badValue = await callPortsip(sim, 'POST', '/api/roles', {
      json: { name: 'Y', permissions: { trunk: { view_only: 'yes' } } },
    });
    const badGroup = await callPortsip(sim, 'POST', '/api/roles', {
      json: { name: 'Z', permissions: { kitchen: {} } },
    });

    expect(duplicate.status).toBe(409);
    expect(errorOf(badKey)).toMatchObject({ field: 'permissions.trunk.delete_all' });
    expect(errorOf(badValue)).toMatchObject({ field: 'permissions.trunk.view_only' });
    expect(errorOf(badGroup)).toMatchObject({ field: 'permissions.kitchen' });
    expect([badKey.status, badValue.status, badGroup.status]).toEqual([400, 400, 400]);
  });
});

describe('PortSIP simulator: groups and members', () => {
  it('creates a group, adds members by extension, lists and removes them', async () => {
    const sim = await simulator({ seed: { users: 3 } });
    const { id } = (
      await callPortsip(sim, 'POST', '/api/groups', { json: { name: 'Night shift' } })
    ).body as { id: string };

    expect((await callPortsip(sim, 'POST', `/api/groups/${id}/members/1001`)).status).toBe(204);
    expect((await callPortsip(sim, 'POST', `/api/groups/${id}/members/1003`)).status).toBe(204);
    const twice = await callPortsip(sim, 'POST', `/api/groups/${id}/members/1001`);
    const members = (await callPortsip(sim, 'GET', `/api/groups/${id}/members`))
      .body as PortsipPage;
    const one = await callPortsip(sim, 'GET', `/api/groups/${id}/members/1003`);

    expect(twice.status).toBe(409);
    expect(members.items.map((m) => m.extension_number)).toEqual(['1001', '1003']);
    expect(members).not.toHaveProperty('count');
    expect(one.body).toMatchObject({ name: 'user003', extension_number: '1003' });
    expect((await callPortsip(sim, 'POST', `/api/groups/${id}/members/1001/destroy`)).status).toBe(
      204,
    );
    expect(sim.state.members(id).map((user) => user.name)).toEqual(['user003']);
    expect((await callPortsip(sim, 'GET', `/api/groups/${id}/members/1001`)).status).toBe(404);
  });

  it('refuses a member with an unknown extension (404) or a malformed one (400), naming extension_number', async () => {
    const sim = await simulator({ seed: { users: 1, groups: 1 } });
    const groupId = sim.state.groups()[0]?.id ?? '';
    const unknown = await callPortsip(sim, 'POST', `/api/groups/${groupId}/members/7777`);
    const malformed = await callPortsip(sim, 'POST', `/api/groups/${groupId}/members/77`);
    const noGroup = await callPortsip(sim, 'POST', '/api/groups/nope/members/1001');

    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).field).toBe('extension_number');
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed).field).toBe('extension_number');
    expect(noGroup.status).toBe(404);
    expect(errorOf(noGroup).field).toBe('id');
  });

  it('refuses a duplicate group name (409) and bad fields (400), updates and destroys a group', async () => {
    const sim = await simulator({ seed: { users: 2, groups: 1, membersPerGroup: 2 } });
    const sales = sim.state.groups()[0];
    const duplicate = await callPortsip(sim, 'POST', '/api/groups', { json: { name: 'SALES' } });
    const blank = await callPortsip(sim, 'POST', '/api/groups', { json: { name: ' ' } });
    const badCaller = await callPortsip(sim, 'POST', '/api/groups', {
      json: { name: 'Ops', outbound_caller_ids: [{ caller_id: 5 }] },
    });
    const update = await callPortsip(sim, 'POST', `/api/groups/${sales?.id}`, {
      json: { description: 'Sales floor' },
    });

    expect(duplicate.status).toBe(409);
    expect(errorOf(blank).field).toBe('name');
    expect(errorOf(badCaller).field).toBe('outbound_caller_ids[0].caller_id');
    expect(update.status).toBe(204);
    expect(sim.state.groups()[0]?.description).toBe('Sales floor');
    expect((await callPortsip(sim, 'POST', `/api/groups/${sales?.id}/destroy`)).status).toBe(204);
    expect(sim.state.groups()).toHaveLength(0);
    expect(sim.state.users()).toHaveLength(2);
  });

  it('takes a destroyed user out of its groups', async () => {
    const sim = await simulator({ seed: { users: 2, groups: 1, membersPerGroup: 2 } });
    const groupId = sim.state.groups()[0]?.id ?? '';
    const first = sim.state.users()[0]?.id ?? '';
    await callPortsip(sim, 'POST', `/api/users/${first}/destroy`);
    expect(sim.state.members(groupId).map((user) => user.extension_number)).toEqual(['1002']);
  });
});
