/**
 * Push throughput against the Zoom simulator, as a share of the rate limit.
 *
 *   node --import tsx bench/push-throughput.ts [--users 2000] [--limit 20]
 *
 * Runs batchline's push engine (shared token bucket at the published rate, Retry-After
 * honoured) and, in the same run, the obvious alternative: 4 workers sending batches as fast
 * as they can and sleeping Retry-After on a 429. Prints users/s, requests/s, the share of
 * the rate limit used and how many requests were wasted on 429s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startZoomSimulator } from '../main/sandbox/zoom/zoom-simulator';
import { createZoomUsersAdapter } from '../main/services/connectors/zoom/zoom-users.connector';
import { staticToken } from '../main/services/http/token-source';
import { executeRun } from '../main/services/runs/execute-run';
import { getDataset } from '../shared/datasets/registry';
import { suggestMapping } from '../shared/mapping/suggest-mapping';
import type { SourceTable } from '../shared/table/source-table';

const { values } = parseArgs({
  options: { users: { type: 'string', default: '2000' }, limit: { type: 'string', default: '20' } },
});
const USERS = Number(values.users);
const LIMIT = Number(values.limit);
const TOKEN = 'bench-token';

function table(prefix: string): SourceTable {
  return {
    fileName: `${prefix}.csv`,
    format: 'csv',
    headerRow: 1,
    headers: ['email', 'first_name', 'last_name', 'extension_number', 'calling_plans', 'site_name'],
    rows: Array.from({ length: USERS }, (_, i) => ({
      row: i + 2,
      cells: [
        `${prefix}${i}@example.com`,
        'Bench',
        `User ${i}`,
        String(100000 + i),
        'US/CA Unlimited Calling',
        'Main Office',
      ],
    })),
    issues: [],
    skippedEmpty: 0,
  };
}

async function batchline(): Promise<Record<string, number>> {
  const sim = await startZoomSimulator({ tokens: [TOKEN], rateLimit: { perSecond: LIMIT } });
  const dir = await mkdtemp(join(tmpdir(), 'batchline-bench-'));
  try {
    const dataset = getDataset('zoom', 'users');
    if (!dataset) {
      throw new Error('zoom users dataset missing');
    }
    const source = table('bl');
    const started = performance.now();
    const outcome = await executeRun({
      dataset,
      table: source,
      mapping: suggestMapping(source.headers, dataset).mapping,
      adapter: createZoomUsersAdapter({ baseUrl: sim.url, auth: staticToken(TOKEN) }),
      baseUrl: sim.url,
      runsDir: dir,
      maxRps: LIMIT,
      concurrency: 4,
    });
    const seconds = (performance.now() - started) / 1000;
    const refused = sim.state.requests.filter((request) => request.status === 429).length;
    return {
      created: outcome.summary.created,
      seconds,
      requests: sim.state.requests.length,
      refused429: refused,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
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
    let created = 0;
    const started = performance.now();
    const worker = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        for (;;) {
          const response = await fetch(`${sim.url}/phone/users/batch`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ users: batch }),
          });
          await response.text();
          if (response.status !== 429) {
            created += response.status === 201 ? batch.length : 0;
            break;
          }
          await new Promise((resolve) =>
            setTimeout(resolve, Number(response.headers.get('retry-after') ?? '1') * 1000),
          );
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const seconds = (performance.now() - started) / 1000;
    const refused = sim.state.requests.filter((request) => request.status === 429).length;
    return { created, seconds, requests: sim.state.requests.length, refused429: refused };
  } finally {
    await sim.close();
  }
}

function print(name: string, result: Record<string, number>): void {
  const seconds = result.seconds ?? 1;
  const requests = result.requests ?? 0;
  const useful = requests - (result.refused429 ?? 0);
  console.log(
    `${name.padEnd(34)} ${String(result.created).padStart(6)} users in ${seconds.toFixed(1).padStart(5)} s · ${((result.created ?? 0) / seconds).toFixed(0).padStart(4)} users/s · ${(requests / seconds).toFixed(1).padStart(5)} req/s sent · ${((useful / seconds / LIMIT) * 100).toFixed(0).padStart(3)}% of the ${LIMIT}/s limit used · ${result.refused429} answered 429`,
  );
}

console.log(`push ${USERS} Zoom users (10 a call) to the simulator limited to ${LIMIT} req/s`);
print('batchline (token bucket, 4 workers)', await batchline());
print('naive (4 workers, sleep on 429)', await naive());
