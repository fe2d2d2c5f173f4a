import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import type { ZoomFault } from '../../../main/sandbox/zoom/zoom-faults';
import { startCliProcess } from '../../helpers/run-cli-process';

/**
 * Chaos: a push with random faults on is killed (SIGKILL) at a random moment, then resumed —
 * and possibly killed again — until it finishes. Whatever the kill points, every valid row
 * must exist exactly once on the target, every row must have one final result, and the
 * arithmetic of BAD-INPUTS.md must hold. CHAOS_SEEDS sets how many seeds run (default 50).
 */
const SEEDS = Number(process.env.CHAOS_SEEDS ?? '50');
const ROWS = 60;
const INVALID_ROWS = [7, 23, 41];
const TOKEN = 'chaos-token';
const FAULTS: ZoomFault[] = [
  { kind: 'status', status: 503 },
  { kind: 'status', status: 429, retryAfter: 1 },
  { kind: 'drop-before-apply' },
  { kind: 'drop-after-apply' },
  { kind: 'partial-success', listed: 6 },
];

function prng(seed: number): () => number {
  let state = seed * 7919 + 17;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function sheet(seed: number): string {
  const lines = ['Work Email,Given Name,Surname,Ext,Calling Plan,Site'];
  for (let i = 1; i <= ROWS; i += 1) {
    const email = INVALID_ROWS.includes(i)
      ? `broken-${i}-at-example.com`
      : `s${seed}.u${i}@example.com`;
    lines.push(`${email},Chaos,User ${i},${3000 + i},US/CA Unlimited Calling,Main Office`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Runs the CLI; when `killAt` is given, kills it with SIGKILL once the simulator has answered
 * that many more batch requests plus a random few milliseconds, so kills land mid-run
 * whatever the machine's load (a timer alone mostly hits start-up or the end).
 */
function runKillable(
  args: string[],
  cwd: string,
  sim: ZoomSimulator,
  killAt: { requests: number; delayMs: number } | null,
): Promise<{ code: number | null; killed: boolean; stdout: string; stderr: string }> {
  const batchRequests = () =>
    sim.state.requests.filter((request) => request.route === 'batch-add-users').length;
  const base = batchRequests();
  const running = startCliProcess(args, { cwd, env: { BATCHLINE_TOKEN: TOKEN } });
  let killed = false;
  const poll = killAt
    ? setInterval(() => {
        if (batchRequests() - base >= killAt.requests) {
          clearInterval(poll);
          setTimeout(() => {
            killed = running.child.kill('SIGKILL');
          }, killAt.delayMs);
        }
      }, 2)
    : undefined;
  return running.done.then((run) => {
    clearInterval(poll);
    return { ...run, killed: killed && run.code === null };
  });
}

/** Whether a kill landed mid-run: the journal started but has no end. */
async function killedMidRun(runsDir: string): Promise<boolean> {
  const runs = await readdir(runsDir).catch(() => [] as string[]);
  if (runs.length === 0) {
    return false;
  }
  const journal = await readFile(join(runsDir, runs[0] ?? '', 'journal.ndjson'), 'utf8').catch(
    () => '',
  );
  return journal.includes('"t":"send"') && !journal.includes('"t":"end"');
}

async function chaosRound(seed: number, root: string): Promise<number> {
  let midRunKills = 0;
  const random = prng(seed);
  const sim = await startZoomSimulator({
    tokens: [TOKEN],
    rateLimit: { perSecond: 40 },
    latencyMs: 60,
    randomFaults: { rate: 0.15, seed, faults: FAULTS },
  });
  const dir = join(root, `seed-${seed}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'users.csv'), sheet(seed));
  const runsDir = join(dir, 'runs');
  try {
    const first = await runKillable(
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
        runsDir,
        '--max-rps',
        '8',
        '--json',
      ],
      dir,
      sim,
      { requests: Math.floor(random() * 5), delayMs: Math.floor(random() * 60) },
    );
    let finished = !first.killed;
    let last = first;
    if (first.killed && (await killedMidRun(runsDir))) {
      midRunKills += 1;
    }
    for (let attempt = 0; !finished && attempt < 12; attempt += 1) {
      const runs = await readdir(runsDir).catch(() => [] as string[]);
      if (runs.length === 0) {
        // Killed before the run folder existed: nothing was sent; start it again.
        last = await runKillable(
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
            runsDir,
            '--json',
          ],
          dir,
          sim,
          null,
        );
      } else {
        const killAgain =
          random() < 0.5
            ? { requests: Math.floor(random() * 3), delayMs: Math.floor(random() * 60) }
            : null;
        last = await runKillable(
          ['resume', runs[0] ?? '', '--runs-dir', runsDir, '--json'],
          dir,
          sim,
          killAgain,
        );
      }
      finished = !last.killed;
      if (last.killed && (await killedMidRun(runsDir))) {
        midRunKills += 1;
      }
    }
    expect(finished, `seed ${seed}: the run never finished`).toBe(true);
    expect([0, 1, 2], `seed ${seed}: exit code ${last.code}: ${last.stderr}`).toContain(last.code);
    const runs = await readdir(runsDir);
    expect(runs, `seed ${seed}: one run folder`).toHaveLength(1);
    // Zero duplicates: no create was refused as "already exists", and each user exists once.
    const emails = sim.state.list().map((user) => user.email.toLowerCase());
    expect(new Set(emails).size, `seed ${seed}: duplicate users`).toBe(emails.length);
    expect(
      sim.state.requests.filter((request) => request.status === 409),
      `seed ${seed}: a create was sent twice`,
    ).toHaveLength(0);
    // Every valid row exists; every row has exactly one final result; the arithmetic holds.
    const valid = ROWS - INVALID_ROWS.length;
    expect(
      sim.state.count(),
      `seed ${seed}: users on the target (last exit ${last.code}: ${last.stderr.slice(-300)})`,
    ).toBe(valid);
    // A kill after the run completed but before it printed leaves a resume with nothing to
    // do ("already completed", exit 2); any other refusal is a failure.
    if (last.code === 2) {
      expect(last.stderr, `seed ${seed}: resume refused`).toMatch(/already completed/);
    }
    const manifest = JSON.parse(
      await readFile(join(runsDir, runs[0] ?? '', 'run.json'), 'utf8'),
    ) as { state: string; summary: Record<string, number> };
    expect(manifest.state, `seed ${seed}: run state`).toBe('completed');
    const summary = manifest.summary;
    expect(summary, `seed ${seed}: summary`).toMatchObject({
      total: ROWS,
      created: valid,
      invalid: INVALID_ROWS.length,
      failed: 0,
      skipped: 0,
      updated: 0,
    });
    const results = (await readFile(join(runsDir, runs[0] ?? '', 'results.csv'), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(results, `seed ${seed}: one result per row`).toHaveLength(ROWS + 1);
  } finally {
    await sim.close();
  }
  return midRunKills;
}

describe(`chaos: ${SEEDS} random SIGKILL points during a push with faults on, then resume`, () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'batchline-chaos-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(
    'leaves every valid row created exactly once and every row with one final result',
    async () => {
      const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);
      let midRunKills = 0;
      // Two seeds at a time: one per core.
      for (let i = 0; i < seeds.length; i += 2) {
        const kills = await Promise.all(
          seeds.slice(i, i + 2).map((seed) => chaosRound(seed, root)),
        );
        midRunKills += kills.reduce((sum, count) => sum + count, 0);
      }
      console.log(
        `chaos: ${SEEDS} seeds, ${midRunKills} kills landed mid-run (journal started, no end)`,
      );
      // Kills must land mid-run, or the test proves nothing: at least 50 in the full run.
      expect(midRunKills).toBeGreaterThanOrEqual(SEEDS >= 50 ? 50 : Math.ceil(SEEDS / 2));
    },
    SEEDS * 20_000,
  );
});
