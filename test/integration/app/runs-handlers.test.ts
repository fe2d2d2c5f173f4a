import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../main/app/create-app-services';
import type { AppServices } from '../../../main/app/app-services';
import { silentLogger } from '../../../main/lib/logger';
import type { JobState, RunView } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { validUsersCsv } from '../../helpers/users-csv';

const caller = { trusted: true, description: 'test' };

describe('the Runs page handlers (runs:list, runs:resume, runs:export)', () => {
  let dataDir: string;
  let services: AppServices;

  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const result = (await services.router.dispatch(channel, args, caller)) as Result<T>;
    if (!result.ok) {
      throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    }
    return result.value;
  };
  const waitForJob = async (jobId: string): Promise<JobState> => {
    for (;;) {
      const state = await call<JobState>('jobs:get', { jobId });
      if (state.state !== 'running') {
        return state;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const openAndStart = async (rows: number) => {
    const dataBase64 = Buffer.from(validUsersCsv(rows, { extensionStart: 7000 })).toString(
      'base64',
    );
    const preview = await call<{ fileId: string; suggestedMapping: Record<string, string> }>(
      'import:open',
      {
        target: 'zoom',
        kind: 'users',
        fileName: 'users.csv',
        dataBase64,
      },
    );
    return call<{ jobId: string }>('jobs:start', {
      target: 'zoom',
      kind: 'users',
      fileId: preview.fileId,
      mapping: preview.suggestedMapping,
      connectionId: 'sandbox-zoom',
    });
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'batchline-runs-app-'));
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
    const manifestPath = join(dataDir, 'runs', runId, 'run.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, state: 'running' }));
    const listed = await call<{ runs: RunView[] }>('runs:list', {});
    expect(listed.runs[0]).toMatchObject({ runId, state: 'interrupted', resumable: true });
  });

  it('refuses to resume a run that does not exist', async () => {
    const result = await services.router.dispatch('runs:resume', { runId: 'nope-123' }, caller);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
