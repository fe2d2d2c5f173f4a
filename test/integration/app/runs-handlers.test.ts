import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunView } from '../../../shared/ipc/contract';
import { startAppRouterSession, type AppRouterSession } from '../../helpers/app-router-session';
import { validUsersCsv } from '../../helpers/users-csv';

describe('the Runs page handlers (runs:list, runs:resume, runs:export)', () => {
  let session: AppRouterSession;

  const call = <T>(channel: string, args: unknown): Promise<T> => session.call<T>(channel, args);
  const waitForJob = (jobId: string) => session.waitForJob(jobId);
  const openAndStart = (rows: number) =>
    session.pushZoomUsers(validUsersCsv(rows, { extensionStart: 7000 }));

  beforeEach(async () => {
    session = await startAppRouterSession();
  });
  afterEach(async () => {
    await session.close();
  });

  it('lists a cancelled push as resumable, resumes it to the end and exports its results', async () => {
    const { jobId } = await openAndStart(120);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await call('jobs:cancel', { jobId });
    const cancelled = await waitForJob(jobId);
    expect(cancelled.state).toBe('cancelled');
    const { runs } = await call<{ runs: RunView[] }>('runs:list', {});
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ state: 'cancelled', resumable: true, fileName: 'users.csv' });
    const resumed = await call<{ jobId: string }>('runs:resume', { runId: runs[0]?.runId });
    const done = await waitForJob(resumed.jobId);
    expect(done.state).toBe('completed');
    expect(done.summary).toMatchObject({ total: 120, created: 120, failed: 0 });
    const after = await call<{ runs: RunView[] }>('runs:list', {});
    expect(after.runs[0]).toMatchObject({ state: 'completed', resumable: false });
    const exported = await call<{ content: string }>('runs:export', {
      runId: runs[0]?.runId,
      which: 'all',
    });
    expect(exported.content.trim().split('\r\n')).toHaveLength(121);
  });

  it('shows a run whose process died mid-push as interrupted and resumable', async () => {
    const { jobId } = await openAndStart(5);
    await waitForJob(jobId);
    const { runs } = await call<{ runs: RunView[] }>('runs:list', {});
    const runId = runs[0]?.runId ?? '';
    // What a crash leaves: the manifest still says running, and no live process holds the lock.
    const manifestPath = join(session.dataDir, 'runs', runId, 'run.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, state: 'running' }));
    const listed = await call<{ runs: RunView[] }>('runs:list', {});
    expect(listed.runs[0]).toMatchObject({ runId, state: 'interrupted', resumable: true });
  });

  it('refuses to resume a run that does not exist', async () => {
    const result = await session.dispatch('runs:resume', { runId: 'nope-123' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
