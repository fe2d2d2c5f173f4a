import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../main/app/create-app-services';
import type { AppServices } from '../../../main/app/app-services';
import { silentLogger } from '../../../main/lib/logger';
import { staticToken } from '../../../main/services/http/token-source';
import type {
  ExportedFile,
  ImportPreview,
  JobState,
  PlannedRowView,
  PlanView,
} from '../../../shared/ipc/contract';
import type { SerializedAppError } from '../../../shared/errors';
import type { Result } from '../../../shared/result';

const caller = { trusted: true, description: 'test' };
const PORTSIP_FIXTURE = resolve(import.meta.dirname, '../../fixtures/e2e/portsip-users.csv');

describe('the Plan step handlers (import:plan, import:planned) on the Sandbox', () => {
  let dataDir: string;
  let services: AppServices;
  let refusing: Server;
  let refusingUrl: string;

  const dispatch = <T>(channel: string, args: unknown) =>
    services.router.dispatch(channel, args, caller) as Promise<Result<T>>;
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const result = await dispatch<T>(channel, args);
    if (!result.ok) {
      throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    }
    return result.value;
  };
  const open = (target: string, kind: string, fileName: string, text: string) =>
    call<ImportPreview>('import:open', {
      target,
      kind,
      fileName,
      dataBase64: Buffer.from(text).toString('base64'),
    });
  const rowsOf = (fileId: string, action?: string) =>
    call<{ total: number; rows: PlannedRowView[] }>('import:planned', {
      fileId,
      offset: 0,
      limit: 1000,
      ...(action ? { action } : {}),
    });
  const waitForJob = async (jobId: string): Promise<JobState> => {
    for (;;) {
      const state = await call<JobState>('jobs:get', { jobId });
      if (state.state !== 'running') {
        return state;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  };

  beforeAll(async () => {
    // A PBX that refuses every token, as a revoked one would be.
    refusing = createServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"error":"unauthorized"}');
    });
    await new Promise<void>((done) => refusing.listen(0, '127.0.0.1', done));
    refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => refusing.close(done));
  });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'batchline-plan-app-'));
    services = await createAppServices({
      dataDir,
      mode: 'browser',
      version: 'test',
      log: silentLogger,
      extraConnections: [
        {
          view: { id: 'pbx-refusing', label: 'Head office PBX', target: 'portsip', sandbox: false },
          connection: { baseUrl: refusingUrl, auth: staticToken('revoked') },
          maxRps: 10,
        },
        {
          view: { id: 'pbx-gone', label: 'Branch PBX', target: 'portsip', sandbox: false },
          connection: { baseUrl: 'http://127.0.0.1:1', auth: staticToken('t') },
          maxRps: 10,
        },
      ],
    });
  });
  afterEach(async () => {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('plans the Sandbox’s own Zoom export as unchanged, in no requests', async () => {
    const exported = await call<ExportedFile>('export:run', {
      target: 'zoom',
      kind: 'users',
      connectionId: 'sandbox-zoom',
      format: 'csv',
    });
    const preview = await open('zoom', 'users', exported.fileName, exported.content);
    const plan = await call<PlanView>('import:plan', {
      target: 'zoom',
      kind: 'users',
      fileId: preview.fileId,
      mapping: preview.suggestedMapping,
      connectionId: 'sandbox-zoom',
      allowUpdates: true,
    });
    expect(plan.summary).toMatchObject({ total: 40, unchanged: 40, create: 0, existing: 40 });
    expect(plan).toMatchObject({ batches: 0, offline: false, canUpdate: false, maxRps: 10 });
    // Only the plan's own reads remain: a few pages of users, at 10 a second.
    expect(plan.etaSeconds).toBeGreaterThan(0);
    expect(plan.etaSeconds).toBeLessThan(2);
    const page = await rowsOf(preview.fileId, 'unchanged');
    expect(page.total).toBe(40);
    expect(page.rows[0]).toMatchObject({ action: 'unchanged', diff: [] });
    expect((await rowsOf(preview.fileId, 'create')).total).toBe(0);
  });

  it('plans PortSIP users as creates, an update with its diff and a conflict, and re-plans without updates', async () => {
    const base = await readFile(PORTSIP_FIXTURE, 'utf8');
    // Extension 1002 is user002's on the Sandbox PBX, and an update cannot rename a user.
    const text = `${base.trimEnd()}\nzoe.park,Str0ng-Pass!,1002,zoe.park@example.com,Zoe Park,StandardUser,Sales,en-US,\n`;
    const preview = await open('portsip', 'users', 'users.csv', text);
    const args = {
      target: 'portsip',
      kind: 'users',
      fileId: preview.fileId,
      mapping: preview.suggestedMapping,
      connectionId: 'sandbox-portsip',
      allowUpdates: true,
    };
    const plan = await call<PlanView>('import:plan', args);
    expect(plan.summary).toMatchObject({
      total: 7,
      create: 2,
      update: 1,
      unchanged: 0,
      conflict: 1,
      invalid: 3,
      existing: 12,
      needsConfirmation: false,
    });
    expect(plan).toMatchObject({ batches: 3, batchSize: 1, offline: false, canUpdate: true });

    const all = await rowsOf(preview.fileId);
    expect(all.total).toBe(7);
    expect(all.rows.map((row) => [row.row, row.action])).toEqual([
      [2, 'create'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'update'],
      [6, 'create'],
      [7, 'invalid'],
      [8, 'conflict'],
    ]);
    // An invalid row says why, as Review did.
    expect(all.rows[1]?.message).toMatch(/^invalid: User Name: .*reserved/);
    const [update] = (await rowsOf(preview.fileId, 'update')).rows;
    expect(update?.diff).toContainEqual({ field: 'department', sheet: 'Support', target: 'Sales' });
    const [conflict] = (await rowsOf(preview.fileId, 'conflict')).rows;
    expect(conflict?.diff).toContainEqual({ field: 'name', sheet: 'zoe.park', target: 'user002' });
    expect(conflict?.message).toMatch(/name cannot be changed by an update/);

    // Re-planning replaces the plan kept with the file.
    const createOnly = await call<PlanView>('import:plan', { ...args, allowUpdates: false });
    expect(createOnly.summary).toMatchObject({ create: 2, update: 0, conflict: 2 });
    expect((await rowsOf(preview.fileId, 'update')).total).toBe(0);
    const conflicts = await rowsOf(preview.fileId, 'conflict');
    expect(conflicts.rows.map((row) => row.row)).toEqual([5, 8]);
    expect(conflicts.rows[0]?.message).toMatch(/not updated without "update existing"/);

    // The push honours the same choice: the existing user is left alone.
    const { jobId } = await call<{ jobId: string }>('jobs:start', {
      ...args,
      allowUpdates: false,
    });
    const done = await waitForJob(jobId);
    expect(done.summary).toMatchObject({ created: 2, updated: 0, failed: 2, invalid: 3 });
  });

  it('flags a large change, which jobs:start refuses until it is confirmed', async () => {
    const lines = Array.from({ length: 10 }, (_, index) => {
      const number = String(index + 1).padStart(3, '0');
      return `user${number},${1001 + index},Operations`;
    });
    const preview = await open(
      'portsip',
      'users',
      'move.csv',
      ['User Name,Ext,Department', ...lines].join('\n'),
    );
    const args = {
      target: 'portsip',
      kind: 'users',
      fileId: preview.fileId,
      mapping: preview.suggestedMapping,
      connectionId: 'sandbox-portsip',
    };
    const plan = await call<PlanView>('import:plan', { ...args, allowUpdates: true });
    expect(plan.summary).toMatchObject({ update: 10, existing: 12, needsConfirmation: true });
    expect(plan.summary.changeShare).toBeCloseTo(10 / 12);

    const refused = await waitForJob((await call<{ jobId: string }>('jobs:start', args)).jobId);
    expect(refused.state).toBe('failed');
    expect(refused.error?.message).toMatch(/change 10 of the 12 existing records/);
    const confirmed = await waitForJob(
      (await call<{ jobId: string }>('jobs:start', { ...args, confirmLarge: true })).jobId,
    );
    expect(confirmed.summary).toMatchObject({ updated: 10, failed: 0 });
  });

  it('stops a push, sending nothing, when the target changed since the plan was shown', async () => {
    const preview = await open(
      'portsip',
      'users',
      'new.csv',
      'User Name,Ext,Password\nnewhire1,4101,Str0ng-Pass-1\nnewhire2,4102,Str0ng-Pass-2\n',
    );
    const args = {
      target: 'portsip',
      kind: 'users',
      fileId: preview.fileId,
      mapping: preview.suggestedMapping,
      connectionId: 'sandbox-portsip',
    };
    const shown = (await call<PlanView>('import:plan', { ...args, allowUpdates: true })).summary;
    expect(shown).toMatchObject({ create: 2, unchanged: 0 });
    const expectedPlan = {
      create: shown.create,
      update: shown.update,
      unchanged: shown.unchanged,
      conflict: shown.conflict,
      invalid: shown.invalid,
    };
    // Someone else pushes the same sheet first: both users now exist.
    const first = await waitForJob((await call<{ jobId: string }>('jobs:start', args)).jobId);
    expect(first.summary).toMatchObject({ created: 2 });
    const runsBefore = (await call<{ runs: unknown[] }>('runs:list', {})).runs.length;

    const stale = await waitForJob(
      (await call<{ jobId: string }>('jobs:start', { ...args, expectedPlan })).jobId,
    );
    expect(stale.state).toBe('failed');
    expect(stale.error?.code).toBe('CONFLICT');
    expect(stale.error?.message).toBe(
      'What new.csv would change has changed since the plan was shown: now 0 to create (planned 2), 2 unchanged (planned 0). Nothing was sent; plan the push again.',
    );
    expect((await call<{ runs: unknown[] }>('runs:list', {})).runs).toHaveLength(runsBefore);
  });

  it('names the connection when its target cannot be read, and keeps no plan', async () => {
    const text = await readFile(PORTSIP_FIXTURE, 'utf8');
    const preview = await open('portsip', 'users', 'users.csv', text);
    for (const [connectionId, said, code] of [
      ['pbx-refusing', 'Could not read "Head office PBX" to plan the push:', 'AUTH_EXPIRED'],
      // Unreachable: said so, with what to do (the batch is kept; push when online).
      ['pbx-gone', 'Branch PBX cannot be reached (', 'NETWORK'],
    ] as const) {
      const result = await dispatch<PlanView>('import:plan', {
        target: 'portsip',
        kind: 'users',
        fileId: preview.fileId,
        mapping: preview.suggestedMapping,
        connectionId,
        allowUpdates: true,
      });
      expect(result.ok).toBe(false);
      const error = (result as { error: SerializedAppError }).error;
      expect(error.message).toContain(said);
      expect(error.code).toBe(code);
    }
    const rows = await dispatch('import:planned', {
      fileId: preview.fileId,
      offset: 0,
      limit: 10,
    });
    expect(rows.ok).toBe(false);
  });

  it('refuses a page larger than 1000 rows and an unknown action', async () => {
    for (const args of [
      { fileId: 'f1', offset: 0, limit: 1001 },
      { fileId: 'f1', offset: 0, limit: 10, action: 'delete' },
    ]) {
      const result = await dispatch('import:planned', args);
      expect(!result.ok && result.error.code).toBe('IPC_INVALID_ARGS');
    }
  });
});
