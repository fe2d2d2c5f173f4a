import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import { runCliProcess, startCliProcess, whenTrue } from '../../helpers/run-cli-process';
import { validUsersCsv } from '../../helpers/users-csv';

const TOKEN = 'resume-test-token';

describe('batchline resume', () => {
  let dir: string;
  let sim: ZoomSimulator;
  const env = () => ({ BATCHLINE_TOKEN: TOKEN });
  const runsDir = () => join(dir, 'runs');
  const push = (extra: string[] = []) =>
    runCliProcess(
      [
        'push',
        'users.csv',
        '--target',
        'zoom',
        '--kind',
        'users',
        '--base-url',
        sim.url,
        '--runs-dir',
        runsDir(),
        '--json',
        ...extra,
      ],
      { cwd: dir, env: env() },
    );
  const resume = (runId: string, extra: string[] = []) =>
    runCliProcess(['resume', runId, '--runs-dir', runsDir(), '--json', ...extra], {
      cwd: dir,
      env: env(),
    });
  const onlyRun = async () => {
    const runs = await readdir(runsDir());
    expect(runs).toHaveLength(1);
    return runs[0] ?? '';
  };
  /** Each user created by exactly one accepted request, and no request refused as "exists". */
  const expectNothingSentTwice = () => {
    expect(sim.state.requests.filter((request) => request.status === 409)).toHaveLength(0);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-resume-'));
    sim = await startZoomSimulator({ tokens: [TOKEN], rateLimit: { perSecond: 100 } });
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finishes a run stopped by a daily limit, sending only the rows not yet confirmed', async () => {
    await writeFile(join(dir, 'users.csv'), validUsersCsv(50));
    // Two batches go in (a partial-success listing all 10 is a plain success), then the
    // daily quota is gone.
    sim.faults.enqueue('batch-add-users', { kind: 'partial-success', listed: 10 }, 2);
    sim.faults.enqueue('batch-add-users', { kind: 'daily-limit' }, 1);
    const first = await push(['--max-rps', '2']);
    expect(first.code).toBe(1);
    const stopped = JSON.parse(first.stdout) as { runId: string; created: number; failed: number };
    expect(stopped.created).toBe(20);
    expect(stopped.failed).toBe(30);
    expect(first.stdout + first.stderr).not.toContain(TOKEN);
    const again = await resume(stopped.runId);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      runId: stopped.runId,
      total: 50,
      created: 50,
      failed: 0,
    });
    expect(sim.state.count()).toBe(50);
    expectNothingSentTwice();
    // 2 + 1 refused in the first run, then the 3 remaining batches: the 20 confirmed rows never again.
    expect(
      sim.state.requests.filter((request) => request.route === 'batch-add-users'),
    ).toHaveLength(6);
    const results = (await readFile(join(runsDir(), stopped.runId, 'results.csv'), 'utf8'))
      .trim()
      .split('\r\n');
    expect(results).toHaveLength(51);
  });

  it('after a kill -9 mid-run, looks up the batch in flight and creates every row exactly once', async () => {
    await sim.close();
    sim = await startZoomSimulator({
      tokens: [TOKEN],
      rateLimit: { perSecond: 100 },
      latencyMs: 150,
    });
    await writeFile(join(dir, 'users.csv'), validUsersCsv(60));
    const running = startCliProcess(
      [
        'push',
        'users.csv',
        '--target',
        'zoom',
        '--kind',
        'users',
        '--base-url',
        sim.url,
        '--runs-dir',
        runsDir(),
      ],
      { cwd: dir, env: env() },
    );
    // Kill once two batches were answered: the next one's answer is lost with the process.
    await whenTrue(
      () => sim.state.requests.filter((request) => request.route === 'batch-add-users').length >= 2,
    );
    running.child.kill('SIGKILL');
    await running.done;
    const runId = await onlyRun();
    const manifest = JSON.parse(await readFile(join(runsDir(), runId, 'run.json'), 'utf8')) as {
      state: string;
    };
    expect(manifest.state).toBe('running');
    const again = await resume(runId);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 60, created: 60, failed: 0 });
    expect(sim.state.count()).toBe(60);
    expectNothingSentTwice();
  });

  it('repairs a journal whose last line was torn by a crash, then resumes', async () => {
    await writeFile(join(dir, 'users.csv'), validUsersCsv(20));
    sim.faults.enqueue('batch-add-users', { kind: 'daily-limit' }, 1);
    const first = await push();
    const { runId } = JSON.parse(first.stdout) as { runId: string };
    await appendFile(join(runsDir(), runId, 'journal.ndjson'), '{"t":"send","at":"2026-11-24T');
    const again = await resume(runId);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 20 });
    const journal = await readFile(join(runsDir(), runId, 'journal.ndjson'), 'utf8');
    expect(
      journal
        .split('\n')
        .filter(Boolean)
        .every((line) => JSON.parse(line) !== null),
    ).toBe(true);
  });

  it('refuses to resume a completed run and an unknown one, with one line and exit 2', async () => {
    await writeFile(join(dir, 'users.csv'), validUsersCsv(3));
    const first = await push();
    const { runId } = JSON.parse(first.stdout) as { runId: string };
    const done = await resume(runId);
    expect(done.code).toBe(2);
    expect(done.stderr.trim()).toMatch(/already completed/);
    const unknown = await resume('20990101-000000-zoom-users-abcdef');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/No run 20990101/);
  });

  it('resumes a cancelled run (Ctrl-C) and reports the rows of the whole run', async () => {
    await sim.close();
    sim = await startZoomSimulator({
      tokens: [TOKEN],
      rateLimit: { perSecond: 100 },
      latencyMs: 100,
    });
    await writeFile(join(dir, 'users.csv'), validUsersCsv(80));
    const running = startCliProcess(
      [
        'push',
        'users.csv',
        '--target',
        'zoom',
        '--kind',
        'users',
        '--base-url',
        sim.url,
        '--runs-dir',
        runsDir(),
        '--json',
      ],
      { cwd: dir, env: env() },
    );
    await whenTrue(() => sim.state.requests.length >= 2);
    running.child.kill('SIGINT');
    const { code, stdout } = await running.done;
    expect(code).toBe(1);
    const cancelled = JSON.parse(stdout) as { runId: string; created: number };
    expect(cancelled.created).toBeLessThan(80);
    const again = await resume(cancelled.runId);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 80, created: 80 });
    expectNothingSentTwice();
  });
});

describe('push when the target cannot be read before pushing', () => {
  it('stops with one line and exit 2, writing no run, when the daily limit is already spent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'batchline-daily-'));
    const sim = await startZoomSimulator({ tokens: [TOKEN] });
    try {
      await writeFile(join(dir, 'users.csv'), validUsersCsv(5));
      sim.faults.enqueue('list-users', { kind: 'daily-limit' }, 1);
      const run = await runCliProcess(
        [
          'push',
          'users.csv',
          '--target',
          'zoom',
          '--kind',
          'users',
          '--base-url',
          sim.url,
          '--runs-dir',
          join(dir, 'runs'),
        ],
        {
          cwd: dir,
          env: { BATCHLINE_TOKEN: TOKEN },
        },
      );
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/daily rate limit/);
      expect(await readdir(dir)).not.toContain('runs');
    } finally {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
