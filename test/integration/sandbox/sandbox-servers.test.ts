import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../main/sandbox/sandbox-servers';
import type { Sandbox } from '../../../main/sandbox/sandbox-servers';
import { callSimulator } from '../../helpers/zoom-simulator-client';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('built-in Sandbox', () => {
  it('serves a Zoom simulator seeded with 40 demo users that accepts sandbox-token', async () => {
    sandbox = await startSandbox();
    expect(sandbox.zoom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);

    const answer = await callSimulator(sandbox.zoom.url, 'GET', '/phone/users?page_size=100');

    expect(answer.status).toBe(200);
    const page = answer.body as {
      total_records: number;
      users: { email: string; department: string }[];
    };
    expect(page.total_records).toBe(40);
    expect(page.users[0]?.email).toBe('user001@sandbox.example.com');
    expect(new Set(page.users.map((user) => user.department)).size).toBeGreaterThan(1);
  });

  it('gives seeded users the same ids on every start', async () => {
    sandbox = await startSandbox();
    const first = sandbox.zoom.state.list().map((user) => user.id);
    await sandbox.close();
    sandbox = await startSandbox({ zoom: { seedUsers: 5 } });
    expect(sandbox.zoom.state.list().map((user) => user.id)).toEqual(first.slice(0, 5));
  });

  it('serves Webex workspaces and a PortSIP PBX with demo data on the same token', async () => {
    sandbox = await startSandbox();
    const auth = { authorization: 'Bearer sandbox-token' };
    const workspace = sandbox.webex.state.list()[0];
    expect(workspace).toBeDefined();
    const numbers = await fetch(
      `${sandbox.webex.url}/telephony/config/workspaces/${workspace?.id}/numbers`,
      { headers: auth },
    );
    expect(numbers.status).toBe(200);
    const users = await fetch(`${sandbox.portsip.url}/api/users?top=100`, { headers: auth });
    expect(users.status).toBe(200);
    const page = (await users.json()) as { count: number };
    expect(page.count).toBeGreaterThan(0);
    expect(sandbox.portsip.state.groups().length).toBeGreaterThan(0);
  });

  it('stops every simulator listening on close', async () => {
    sandbox = await startSandbox();
    const urls = [
      `${sandbox.zoom.url}/phone/users`,
      `${sandbox.webex.url}/telephony/config/workspaces/x/numbers`,
      `${sandbox.portsip.url}/api/users`,
    ];
    await sandbox.close();
    sandbox = undefined;
    for (const url of urls) {
      await expect(fetch(url)).rejects.toThrow();
    }
  });
});
