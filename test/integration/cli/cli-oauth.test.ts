import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import { runCliProcess } from '../../helpers/run-cli-process';
import { validUsersCsv } from '../../helpers/users-csv';

const OAUTH = {
  accountId: 'acct-123',
  clientId: 'client-abc',
  clientSecret: 'very-secret-value-42',
};

describe('batchline with Zoom Server-to-Server OAuth', () => {
  let dir: string;
  let sim: ZoomSimulator;

  const start = async (extra: { expiresAfterRequests?: number } = {}) => {
    sim = await startZoomSimulator({
      tokens: [],
      rateLimit: { perSecond: 100 },
      oauth: { ...OAUTH, ...extra },
    });
  };
  const env = () => ({
    BATCHLINE_ZOOM_ACCOUNT_ID: OAUTH.accountId,
    BATCHLINE_ZOOM_CLIENT_ID: OAUTH.clientId,
    BATCHLINE_ZOOM_CLIENT_SECRET: OAUTH.clientSecret,
  });
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
        '--oauth-url',
        sim.oauthUrl ?? '',
        '--runs-dir',
        'runs',
        '--json',
        ...extra,
      ],
      { cwd: dir, env: env() },
    );

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-oauth-'));
    await writeFile(join(dir, 'users.csv'), validUsersCsv(40));
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs in once and shares one token between all workers', async () => {
    await start();
    const run = await push();
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 40, failed: 0 });
    expect(sim.oauth?.issuedCount).toBe(1);
  });

  it('refreshes once when the token expires mid-run and sends nothing twice', async () => {
    await start({ expiresAfterRequests: 3 });
    const run = await push(['--max-rps', '5']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 40, failed: 0 });
    expect(sim.state.count()).toBe(40);
    // The plan's read and 2 batches, then the token dies: one refresh for the rest, never one per worker.
    expect(sim.oauth?.issuedCount).toBe(2);
    expect(sim.state.requests.filter((request) => request.status === 401)).toHaveLength(1);
  });

  it('stops as "needs sign-in" when the refresh is refused, journal intact, rows reported', async () => {
    await start({ expiresAfterRequests: 3 });
    const oauth = sim.oauth;
    if (!oauth) {
      throw new Error('oauth simulator missing');
    }
    // Refuse every sign-in after the first: the run must stop, not spin.
    const originalIssue = oauth.issue.bind(oauth);
    oauth.issue = (req, url) => {
      if (oauth.issuedCount >= 1) {
        oauth.refuseRefresh = true;
      }
      return originalIssue(req, url);
    };
    const run = await push(['--max-rps', '5']);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as { created: number; failed: number; runId: string };
    expect(summary.created).toBe(20);
    expect(summary.failed).toBe(20);
    const results = await readFile(join(dir, 'runs', summary.runId, 'results.csv'), 'utf8');
    expect(results).toContain('needs sign-in');
    expect(sim.state.count()).toBe(20);
  });

  it('never writes the client secret or a token to any file or stream', async () => {
    await start();
    const run = await push();
    expect(run.stdout + run.stderr).not.toContain(OAUTH.clientSecret);
    const runs = await readdir(join(dir, 'runs'));
    for (const runId of runs) {
      for (const file of await readdir(join(dir, 'runs', runId))) {
        const text = await readFile(join(dir, 'runs', runId, file), 'utf8');
        expect(text).not.toContain(OAUTH.clientSecret);
        expect(text).not.toMatch(/sim-oauth-/);
      }
    }
  });

  it('refuses half-configured OAuth with one line naming the missing variable', async () => {
    await start();
    const run = await runCliProcess(
      ['push', 'users.csv', '--target', 'zoom', '--kind', 'users', '--base-url', sim.url],
      {
        cwd: dir,
        env: { BATCHLINE_ZOOM_ACCOUNT_ID: 'x', BATCHLINE_ZOOM_CLIENT_ID: 'y' },
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/BATCHLINE_ZOOM_CLIENT_SECRET/);
  });
});
