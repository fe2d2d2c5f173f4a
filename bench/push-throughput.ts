/**
 * Push throughput against the Zoom simulator, as a share of the ceiling (10 users × limit).
 *
 *   node --import tsx bench/push-throughput.ts [--users 5000] [--limit 20]
 *
 * Runs batchline's push engine (shared token bucket at the published rate, Retry-After
 * honoured, journal fsync'd) with no faults, with 5% injected server and network faults
 * (503, 500, resets before and after the change, partial 201s), and with 5% of requests
 * refused 429 with Retry-After: 1 (each one pauses every worker for a second, as the
 * server asked); and, in the same run, the obvious alternative: 4 workers sending
 * batches as fast as they can and sleeping Retry-After on a 429. Prints users/s, the share of
 * the ceiling, requests/s and how many requests were refused with 429.
 */
import { parseArgs } from 'node:util';
import { startZoomSimulator } from '../main/sandbox/zoom/zoom-simulator';
import type { ZoomFault } from '../main/sandbox/zoom/zoom-faults';
import { createZoomUsersAdapter } from '../main/services/connectors/zoom/zoom-users.connector';
import { staticToken } from '../main/services/http/token-source';
import { getDataset } from '../shared/datasets/registry';
import type { SourceTable } from '../shared/table/source-table';
import { sourceTable, timedRun } from './helpers/bench-run';
import { naiveWorkers, sendJson } from './helpers/naive-workers';

const { values } = parseArgs({
  options: { users: { type: 'string', default: '5000' }, limit: { type: 'string', default: '20' } },
});
const USERS = Number(values.users);
const LIMIT = Number(values.limit);
const TOKEN = 'bench-token';

function table(prefix: string): SourceTable {
  return sourceTable(
    `${prefix}.csv`,
    ['email', 'first_name', 'last_name', 'extension_number', 'calling_plans', 'site_name'],
    Array.from({ length: USERS }, (_, i) => [
      `${prefix}${i}@example.com`,
      'Bench',
      `User ${i}`,
      String(100000 + i),
      'US/CA Unlimited Calling',
      'Main Office',
    ]),
  );
}

// Server and network faults: 5xx, resets before and after the change, partial 201s.
const FAULTS: ZoomFault[] = [
  { kind: 'status', status: 503 },
  { kind: 'status', status: 500 },
  { kind: 'drop-after-apply' },
  { kind: 'drop-before-apply' },
  { kind: 'partial-success', listed: 5 },
];
// Rate-limit refusals: every one must pause the whole run for its Retry-After.
const RATE_LIMITED: ZoomFault[] = [{ kind: 'status', status: 429, retryAfter: 1 }];

async function batchline(
  faultRate: number,
  faults: ZoomFault[] = FAULTS,
): Promise<Record<string, number>> {
  const sim = await startZoomSimulator({
    tokens: [TOKEN],
    rateLimit: { perSecond: LIMIT },
    ...(faultRate > 0 ? { randomFaults: { rate: faultRate, seed: 42, faults } } : {}),
  });
  try {
    const dataset = getDataset('zoom', 'users');
    if (!dataset) {
      throw new Error('zoom users dataset missing');
    }
    const { outcome, seconds } = await timedRun({
      dataset,
      table: table('bl'),
      adapter: createZoomUsersAdapter({ baseUrl: sim.url, auth: staticToken(TOKEN) }),
      baseUrl: sim.url,
      maxRps: LIMIT,
      concurrency: 4,
    });
    if (outcome.stopped) {
      console.log(`  (the run stopped early: ${outcome.stopped.reason})`);
    }
    // Injected 429s are faults; only the limiter's own overruns count as refusals.
    const refused = sim.state.requests.filter(
      (request) => request.status === 429 && !request.fault,
    ).length;
    const users = new Set(sim.state.list().map((user) => user.email)).size;
    return {
      created: outcome.summary.created,
      failed: outcome.summary.failed,
      duplicates: sim.state.count() - users,
      seconds,
      requests: sim.state.requests.length,
      refused429: refused,
    };
  } finally {
    await sim.close();
  }
}

async function naive(): Promise<Record<string, number>> {
  const sim = await startZoomSimulator({ tokens: [TOKEN], rateLimit: { perSecond: LIMIT } });
  try {
    const users = table('nv').rows.map((row) => ({
      email: row.cells[0],
      first_name: row.cells[1],
      last_name: row.cells[2],
      extension_number: row.cells[3],
      calling_plans: [row.cells[4]],
      site_name: row.cells[5],
    }));
    const batches: (typeof users)[] = [];
    for (let i = 0; i < users.length; i += 10) {
      batches.push(users.slice(i, i + 10));
    }
    const { done, seconds } = await naiveWorkers(batches, (batch) =>
      sendJson('POST', `${sim.url}/phone/users/batch`, TOKEN, { users: batch }),
    );
    const created = done.reduce((sum, batch) => sum + batch.length, 0);
    const refused = sim.state.requests.filter((request) => request.status === 429).length;
    return { created, seconds, requests: sim.state.requests.length, refused429: refused };
  } finally {
    await sim.close();
  }
}

function print(name: string, result: Record<string, number>): void {
  const seconds = result.seconds ?? 1;
  const requests = result.requests ?? 0;
  const usersPerSecond = (result.created ?? 0) / seconds;
  const extra =
    result.failed === undefined
      ? ''
      : ` · ${result.failed} failed · ${result.duplicates} duplicates`;
  console.log(
    `${name.padEnd(40)} ${String(result.created).padStart(6)} users in ${seconds.toFixed(1).padStart(5)} s · ${usersPerSecond.toFixed(0).padStart(4)} users/s = ${((usersPerSecond / (10 * LIMIT)) * 100).toFixed(0).padStart(3)}% of the ${10 * LIMIT} users/s ceiling · ${(requests / seconds).toFixed(1).padStart(5)} req/s · ${result.refused429} refused with 429${extra}`,
  );
}

console.log(
  `push ${USERS} Zoom users (10 a call) to the simulator limited to ${LIMIT} req/s (ceiling ${10 * LIMIT} users/s)`,
);
print('batchline, no faults', await batchline(0));
print('batchline, 5% faults (5xx, resets, 201s)', await batchline(0.05));
print('batchline, 5% answered 429 Retry-After 1', await batchline(0.05, RATE_LIMITED));
print('naive (4 workers, sleep on 429), no faults', await naive());
