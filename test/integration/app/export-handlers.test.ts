import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../main/app/create-app-services';
import type { AppServices } from '../../../main/app/app-services';
import { silentLogger } from '../../../main/lib/logger';
import type { AppInfo, ExportedFile } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';

const caller = { trusted: true, description: 'test' };

describe('the Export page handler (export:run) on the Sandbox', () => {
  let dataDir: string;
  let services: AppServices;
  const dispatch = <T>(channel: string, args: unknown) =>
    services.router.dispatch(channel, args, caller) as Promise<Result<T>>;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'batchline-export-app-'));
    services = await createAppServices({
      dataDir,
      mode: 'browser',
      version: 'test',
      log: silentLogger,
    });
  });
  afterEach(async () => {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists every dataset with whether it can be pushed and exported, and the export’s inputs', async () => {
    const info = await dispatch<AppInfo>('app:info', {});
    expect(info.ok && info.value.datasets).toContainEqual({
      target: 'zoom',
      kind: 'users',
      title: 'Zoom Phone users',
      push: true,
      export: true,
      exportInputs: {
        workspaceIds: false,
        accountId: false,
        filters: ['site_id', 'calling_type', 'status', 'department', 'cost_center', 'keyword'],
      },
    });
    const members = info.ok
      ? info.value.datasets.find((d) => d.target === 'portsip' && d.kind === 'group-members')
      : undefined;
    expect(members?.exportInputs?.filters).toContain('group');
  });

  it('exports the sandbox users as CSV in the import layout, with the row count', async () => {
    const result = await dispatch<ExportedFile & { rows: number }>('export:run', {
      target: 'zoom',
      kind: 'users',
      connectionId: 'sandbox-zoom',
      format: 'csv',
    });
    if (!result.ok) {
      throw new Error(result.error.message);
    }
    expect(result.value.rows).toBe(40);
    expect(result.value.fileName).toMatch(/^batchline-zoom-users-export-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = result.value.content
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toContain('email');
    expect(lines).toHaveLength(41);
  });

  it('refuses an unknown filter by name, before reading anything', async () => {
    const result = await dispatch('export:run', {
      target: 'zoom',
      kind: 'users',
      connectionId: 'sandbox-zoom',
      format: 'xlsx',
      filters: { colour: 'blue' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('cannot be filtered by "colour"'),
    });
  });

  it('refuses a connection of another target', async () => {
    const result = await dispatch('export:run', {
      target: 'webex',
      kind: 'workspace-numbers',
      connectionId: 'sandbox-zoom',
      format: 'csv',
      workspaceIds: ['ws-1'],
    });
    expect(result.ok).toBe(false);
  });
});
