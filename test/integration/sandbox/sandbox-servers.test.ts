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

  it('stops listening on close', async () => {
    sandbox = await startSandbox();
    const url = sandbox.zoom.url;
    await sandbox.close();
    sandbox = undefined;
    await expect(fetch(`${url}/phone/users`)).rejects.toThrow();
  });
});
