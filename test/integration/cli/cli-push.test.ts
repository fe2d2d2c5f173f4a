import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import { runCliProcess } from '../../helpers/run-cli-process';
import { validUsersCsv } from '../../helpers/users-csv';

const TOKEN = 'cli-test-token-0123456789';

describe('batchline push (zoom users) against the Zoom simulator', () => {
  let dir: string;
  let sim: ZoomSimulator;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-cli-push-'));
    sim = await startZoomSimulator({ tokens: [TOKEN], rateLimit: { perSecond: 50 } });
  });
  afterEach(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  const push = (
    file: string,
    extra: string[] = [],
    env: Record<string, string> = { BATCHLINE_TOKEN: TOKEN },
  ) =>
    runCliProcess(
      [
        'push',
        file,
        '--target',
        'zoom',
        '--kind',
        'users',
        '--base-url',
        sim.url,
        '--runs-dir',
        join(dir, 'runs'),
        ...extra,
      ],
      {
        cwd: dir,
        env,
      },
    );

  const batchPosts = () => sim.state.requests.filter((request) => request.method === 'POST');

  it('creates every valid row in batches of at most 10 and writes the results sheet', async () => {
    await writeFile(join(dir, 'users.csv'), validUsersCsv(25));
    const run = await push('users.csv', ['--json', '--report', 'results.csv']);
    expect(run.stderr).not.toContain(TOKEN);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      total: 25,
      created: 25,
      updated: 0,
      skipped: 0,
      failed: 0,
      invalid: 0,
      retries: 0,
    });
    expect(Object.keys(summary).sort()).toEqual(
      [
        'created',
        'durationMs',
        'failed',
        'invalid',
        'requests',
        'retries',
        'runId',
        'skipped',
        'total',
        'updated',
      ].sort(),
    );
    expect(sim.state.count()).toBe(40 * 0 + 25);
    expect(batchPosts()).toHaveLength(3);
    expect(batchPosts().every((request) => (request.items ?? 0) <= 10)).toBe(true);
    const results = await readFile(join(dir, 'results.csv'), 'utf8');
    const lines = results
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('result_status,result_id,result_message');
    expect(lines).toHaveLength(26);
    expect(lines.slice(1).every((line) => line.includes(',created,'))).toBe(true);
    // The run keeps its own journal and results under --runs-dir/<runId>.
    const runFiles = await readdir(join(dir, 'runs', String(summary.runId)));
    expect(runFiles.sort()).toEqual(['journal.ndjson', 'results.csv', 'run.json', 'source.ndjson']);
    const journal = await readFile(
      join(dir, 'runs', String(summary.runId), 'journal.ndjson'),
      'utf8',
    );
    expect(journal).not.toContain(TOKEN);
  });

  it('reports invalid rows with row and column, pushes the rest and exits 1', async () => {
    const csv = `${validUsersCsv(3).trimEnd()}\r\nnot-an-email,Bad,Email,6001,US/CA Unlimited Calling,Main Office\r\nok.user@example.com,No,Ext,,US/CA Unlimited Calling,Main Office\r\n`;
    await writeFile(join(dir, 'users.csv'), csv);
    const run = await push('users.csv', ['--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 5, created: 3, invalid: 2, failed: 0 });
    const runId = String((JSON.parse(run.stdout) as { runId: string }).runId);
    const results = await readFile(join(dir, 'runs', runId, 'results.csv'), 'utf8');
    expect(results).toMatch(/not-an-email.*invalid.*Work Email/);
    const failedRows = await readFile(join(dir, 'runs', runId, 'failed-rows.csv'), 'utf8');
    expect(failedRows.trim().split('\r\n')).toHaveLength(3);
    expect(sim.state.count()).toBe(3);
  });

  it('survives 429s: waits the Retry-After, retries, and still creates every row once', async () => {
    await sim.close();
    sim = await startZoomSimulator({ tokens: [TOKEN], rateLimit: { perSecond: 2, burst: 2 } });
    await writeFile(join(dir, 'users.csv'), validUsersCsv(60));
    const run = await push('users.csv', ['--json', '--max-rps', '20']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { created: number; retries: number };
    expect(summary.created).toBe(60);
    expect(summary.retries).toBeGreaterThan(0);
    expect(sim.state.requests.some((request) => request.status === 429)).toBe(true);
    expect(sim.state.count()).toBe(60);
  });

  it('reconciles a batch whose answer was lost after the users were created: no duplicates', async () => {
    sim.faults.enqueue('batch-add-users', { kind: 'drop-after-apply' });
    await writeFile(join(dir, 'users.csv'), validUsersCsv(15));
    const run = await push('users.csv', ['--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 15, failed: 0 });
    expect(sim.state.count()).toBe(15);
    expect(batchPosts().filter((request) => request.status === 201)).toHaveLength(1);
  });

  it('isolates a row the target refuses and still creates the other nine', async () => {
    await sim.close();
    sim = await startZoomSimulator({
      tokens: [TOKEN],
      rateLimit: { perSecond: 50 },
      seedUsers: [{ email: 'someone.else@example.com', extensionNumber: '5003' }],
    });
    await writeFile(join(dir, 'users.csv'), validUsersCsv(10));
    const run = await push('users.csv', ['--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 10, created: 9, failed: 1 });
    expect(sim.state.count()).toBe(10);
  });

  it('plans against the target: a second push of the same file sends nothing and reports rows unchanged', async () => {
    await writeFile(join(dir, 'users.csv'), validUsersCsv(12));
    expect((await push('users.csv')).code).toBe(0);
    const postsBefore = batchPosts().length;
    const again = await push('users.csv', ['--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, skipped: 12, failed: 0 });
    expect(again.code).toBe(0);
    expect(batchPosts()).toHaveLength(postsBefore);
    expect(sim.state.count()).toBe(12);
  });

  it('--dry-run reads the target and labels rows create, unchanged and conflict, sending nothing', async () => {
    await sim.close();
    sim = await startZoomSimulator({
      tokens: [TOKEN],
      rateLimit: { perSecond: 50 },
      seedUsers: [
        {
          email: 'new.user1@example.com',
          firstName: 'New',
          lastName: 'User 1',
          extensionNumber: '5000',
          site: 'Main Office',
          callingPlans: ['US/CA Unlimited Calling'],
        },
        {
          email: 'new.user2@example.com',
          firstName: 'New',
          lastName: 'User 2',
          extensionNumber: '5999',
          site: 'Main Office',
          callingPlans: ['US/CA Unlimited Calling'],
        },
      ],
    });
    await writeFile(join(dir, 'users.csv'), validUsersCsv(5));
    const plan = await push('users.csv', ['--dry-run', '--json']);
    expect(plan.code).toBe(1);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      dryRun: true,
      total: 5,
      create: 3,
      unchanged: 1,
      conflict: 1,
      invalid: 0,
      existing: 2,
    });
    const human = await push('users.csv', ['--dry-run']);
    expect(human.stdout).toMatch(
      /row 3: conflict: exists with other values \(extension_number: sheet '5001', target '5999'\)/,
    );
    expect(batchPosts()).toHaveLength(0);
    expect(await readdir(dir)).not.toContain('runs');
  });

  it('reports a conflicting existing user as failed and never overwrites it', async () => {
    await sim.close();
    sim = await startZoomSimulator({
      tokens: [TOKEN],
      rateLimit: { perSecond: 50 },
      seedUsers: [
        {
          email: 'new.user2@example.com',
          extensionNumber: '5999',
          site: 'Main Office',
          callingPlans: ['US/CA Unlimited Calling'],
        },
      ],
    });
    await writeFile(join(dir, 'users.csv'), validUsersCsv(3));
    const run = await push('users.csv', ['--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 2, failed: 1 });
    expect(sim.state.findByEmail('new.user2@example.com')?.extensionNumber).toBe('5999');
  });

  it('prints progress on stderr and the human summary on stdout', async () => {
    await writeFile(join(dir, 'users.csv'), validUsersCsv(12));
    const run = await push('users.csv');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/pushing: 12\/12 rows/);
    expect(run.stdout).toMatch(
      /12 rows · 12 created · 0 updated · 0 skipped · 0 failed · 0 invalid/,
    );
  });
});
