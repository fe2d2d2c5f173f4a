/**
 * Push and export speed of the newer datasets against their simulators, each as a share of
 * the target's rate limit, beside the obvious alternative in the same run.
 *
 *   node --import tsx bench/datasets-throughput.ts [--quick] [--zoom-numbers 5000]
 *     [--zoom-limit 10] [--zoom-naive-numbers 200] [--webex-numbers 1000]
 *     [--webex-workspaces 200] [--webex-limit 20] [--portsip-users 1000]
 *     [--portsip-quota 6000] [--portsip-max-rps 100] [--concurrency N]
 *
 * Per dataset, one table:
 *   batchline push     executeRun (validate, plan against the target, journal, push at
 *                      --max-rps = the limit, engine's default concurrency unless given)
 *   naive push         Zoom internal numbers: one number a POST (the sample of
 *                      --zoom-naive-numbers, projected to the whole set); Webex workspace
 *                      numbers and PortSIP users: 4 workers sending as fast as they can,
 *                      sleeping Retry-After on a 429, no shared bucket, no plan
 *   export, paced      the exporter at the limit, as the Export page and `batchline export`
 *                      pace it (a bucket with a burst of EXPORT_BURST)
 *   export, unpaced    the obvious alternative: the exporter with no pacing (429s are ridden
 *                      out by readWithRetry)
 * Each figure comes from the simulator's own request log: requests/s counts every request
 * of the phase (plan reads and refused ones included), "% of limit" divides it by the
 * limit, 429s are the simulator's refusals (no fault is injected), duplicates are records
 * the simulator holds twice. --quick halves every size (not the limits). Ends with the
 * process's peak RSS.
 */
import { parseArgs } from 'node:util';
import type { RequestLogEntry } from '../main/sandbox/http/request-log';
import { startPortsipSimulator } from '../main/sandbox/portsip/portsip-simulator';
import { startWebexSimulator } from '../main/sandbox/webex/webex-simulator';
import { webexWorkspaceId } from '../main/sandbox/webex/webex-seed';
import { startZoomSimulator } from '../main/sandbox/zoom/zoom-simulator';
import type { ExportOptions } from '../main/services/connectors/exporter';
import { createExporter } from '../main/services/connectors/exporters';
import {
  createPushAdapter,
  type AdapterOptions,
  type TargetConnection,
} from '../main/services/connectors/push-adapters';
import { staticToken } from '../main/services/http/token-source';
import { RateLimiter } from '../main/services/push/rate-limiter';
import { EXPORT_BURST } from '../shared/results/export-format';
import type { Kind, Target } from '../shared/datasets/targets';
import { getDataset } from '../shared/datasets/registry';
import { sourceTable, timedRun } from './helpers/bench-run';
import { naiveWorkers, sendJson } from './helpers/naive-workers';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'zoom-numbers': { type: 'string', default: '5000' },
    'zoom-limit': { type: 'string', default: '10' },
    'zoom-naive-numbers': { type: 'string', default: '200' },
    'webex-numbers': { type: 'string', default: '1000' },
    'webex-workspaces': { type: 'string', default: '200' },
    'webex-limit': { type: 'string', default: '20' },
    'portsip-users': { type: 'string', default: '1000' },
    'portsip-quota': { type: 'string', default: '6000' },
    'portsip-max-rps': { type: 'string', default: '100' },
    concurrency: { type: 'string' },
  },
});
const SCALE = values.quick ? 0.5 : 1;
const size = (flag: string | undefined) => Math.max(1, Math.round(Number(flag) * SCALE));
const ZOOM_NUMBERS = size(values['zoom-numbers']);
const ZOOM_LIMIT = Number(values['zoom-limit']);
const ZOOM_NAIVE = Math.min(ZOOM_NUMBERS, size(values['zoom-naive-numbers']));
const WEBEX_NUMBERS = size(values['webex-numbers']);
const WEBEX_WORKSPACES = Math.min(WEBEX_NUMBERS, size(values['webex-workspaces']));
const WEBEX_LIMIT = Number(values['webex-limit']);
const PORTSIP_USERS = size(values['portsip-users']);
const PORTSIP_QUOTA = Number(values['portsip-quota']);
const PORTSIP_MAX_RPS = Number(values['portsip-max-rps']);
const CONCURRENCY = values.concurrency ? Number(values.concurrency) : undefined;
const TOKEN = 'bench-token';

/** One scenario's figures, all from the simulator's request log but rows and seconds. */
interface Line {
  scenario: string;
  rows: number;
  seconds: number;
  requests: number;
  refused429: number;
  failed?: number;
  duplicates?: number;
  /** Marks figures that are projected from a sample rather than measured. */
  projected?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Lets a simulator's bucket fill again, so each phase starts as a fresh client would. */
const settle = () => sleep(1100);

/** The requests a phase caused: the log entries added since `from`. */
function phase(log: readonly RequestLogEntry[], from: number) {
  const entries = log.slice(from);
  return { requests: entries.length, refused429: entries.filter((e) => e.status === 429).length };
}

function datasetOf(target: Target, kind: Kind) {
  const dataset = getDataset(target, kind, { defaultCountry: 'US' });
  if (!dataset) {
    throw new Error(`${target}/${kind} dataset missing`);
  }
  return dataset;
}

/** executeRun of `rows` (cells in the dataset's field-key order) against a simulator. */
async function batchlinePush(
  target: Target,
  kind: Kind,
  rows: string[][],
  connection: TargetConnection,
  maxRps: number,
  log: () => readonly RequestLogEntry[],
  options: AdapterOptions = {},
): Promise<Omit<Line, 'scenario' | 'duplicates'>> {
  const dataset = datasetOf(target, kind);
  const from = log().length;
  const { outcome, seconds } = await timedRun({
    dataset,
    table: sourceTable(
      `${kind}.csv`,
      dataset.fields.map((field) => field.key),
      rows,
    ),
    adapter: createPushAdapter(target, kind, connection, options),
    baseUrl: connection.baseUrl,
    maxRps,
    ...(CONCURRENCY ? { concurrency: CONCURRENCY } : {}),
    ...(Object.keys(options).length > 0 ? { adapterOptions: options } : {}),
  });
  if (outcome.stopped) {
    console.log(`  (the run stopped early: ${outcome.stopped.reason})`);
  }
  const { summary } = outcome;
  return {
    rows: summary.created + summary.updated,
    seconds,
    ...phase(log(), from),
    failed: summary.failed + summary.invalid,
  };
}

/**
 * The exporter reading what was pushed: paced at the limit (as the Export page and the CLI
 * do) or not paced at all (the obvious alternative).
 */
async function exportRows(
  target: Target,
  kind: Kind,
  connection: TargetConnection,
  options: ExportOptions,
  limit: number,
  paced: boolean,
  log: () => readonly RequestLogEntry[],
): Promise<Line> {
  const scenario = paced ? 'export, paced at the limit' : 'export, unpaced (alternative)';
  const exporter = createExporter(target, kind, connection, options);
  const limiter = new RateLimiter(limit, EXPORT_BURST);
  const from = log().length;
  const started = performance.now();
  try {
    const table = await exporter.read(paced ? () => limiter.acquire() : async () => {});
    const seconds = (performance.now() - started) / 1000;
    return { scenario, rows: table.rows.length, seconds, ...phase(log(), from) };
  } catch (caught) {
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  (${scenario} failed: ${caught instanceof Error ? caught.message : String(caught)})`,
    );
    return { scenario, rows: 0, seconds, ...phase(log(), from) };
  }
}

function printTable(title: string, limit: number, lines: Line[], notes: string[]): void {
  const header = [
    'scenario'.padEnd(40),
    'rows'.padStart(6),
    'time'.padStart(8),
    'rows/s'.padStart(7),
    'requests'.padStart(8),
    'req/s'.padStart(6),
    '% limit'.padStart(7),
    '429s'.padStart(5),
    'failed'.padStart(6),
    'dups'.padStart(4),
  ].join(' ');
  console.log(`\n${title}`);
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const line of lines) {
    const reqPerSecond = line.requests / line.seconds;
    const mark = line.projected ? '~' : '';
    console.log(
      [
        line.scenario.padEnd(40),
        String(line.rows).padStart(6),
        `${mark}${line.seconds.toFixed(1)} s`.padStart(8),
        (line.rows / line.seconds).toFixed(0).padStart(7),
        `${mark}${line.requests}`.padStart(8),
        reqPerSecond.toFixed(1).padStart(6),
        `${((reqPerSecond / limit) * 100).toFixed(0)}%`.padStart(7),
        String(line.refused429).padStart(5),
        (line.failed === undefined ? '' : String(line.failed)).padStart(6),
        (line.duplicates === undefined ? '' : String(line.duplicates)).padStart(4),
      ].join(' '),
    );
  }
  for (const note of notes) {
    console.log(`  ${note}`);
  }
}

// ---------------------------------------------------------------- Zoom internal numbers

/** A unique US number per row: 415-2xx-xxxx upward, written E.164 and as displayed. */
function zoomNumber(i: number): { e164: string; display: string } {
  const digits = String(2_000_000 + i);
  return {
    e164: `+1415${digits}`,
    display: `+1 415-${digits.slice(0, 3)}-${digits.slice(3)}`,
  };
}

async function zoomInternalNumbers(): Promise<void> {
  const keys = datasetOf('zoom', 'internal-numbers').fields.map((field) => field.key);
  const rows = Array.from({ length: ZOOM_NUMBERS }, (_, i) => {
    const { e164, display } = zoomNumber(i);
    const cells: Record<string, string> = {
      number: e164,
      display_number: display,
      labels: `Dial-in ${i + 1}`,
      type: 'Toll',
      country: 'US',
      languages: 'en-US',
    };
    return keys.map((key) => cells[key] ?? '');
  });
  const start = () => startZoomSimulator({ tokens: [TOKEN], rateLimit: { perSecond: ZOOM_LIMIT } });
  const lines: Line[] = [];

  const sim = await start();
  try {
    const connection = { baseUrl: sim.url, auth: staticToken(TOKEN) };
    const log = () => sim.state.requests;
    const pushed = await batchlinePush(
      'zoom',
      'internal-numbers',
      rows,
      connection,
      ZOOM_LIMIT,
      log,
      { accountId: 'me' },
    );
    const held = sim.state.internalNumbers.list('me');
    const duplicates = held.length - new Set(held.map((entry) => entry.number)).size;
    lines.push({ scenario: 'batchline push, 50 a call', ...pushed, duplicates });
    for (const paced of [true, false]) {
      await settle();
      lines.push(
        await exportRows(
          'zoom',
          'internal-numbers',
          connection,
          { accountId: 'me' },
          ZOOM_LIMIT,
          paced,
          log,
        ),
      );
    }
  } finally {
    await sim.close();
  }

  // The naive alternative: one number a call, on a sample, projected to the whole set.
  const naiveSim = await start();
  try {
    const sample = Array.from({ length: ZOOM_NAIVE }, (_, i) => i);
    const url = `${naiveSim.url}/accounts/me/sip_trunk/internal_numbers`;
    const { done, refused, seconds } = await naiveWorkers(sample, (i) => {
      const { e164, display } = zoomNumber(i);
      return sendJson('POST', url, TOKEN, {
        internal_numbers: [
          {
            number: e164,
            display_number: display,
            labels: `Dial-in ${i + 1}`,
            type: 1,
            country: 'US',
            languages: 'en-US',
          },
        ],
      });
    });
    const { requests, refused429 } = phase(naiveSim.state.requests, 0);
    const held = naiveSim.state.internalNumbers.list('me');
    const line: Line = {
      scenario: `naive, 1 a call, 4 workers (${ZOOM_NAIVE} sample)`,
      rows: done.length,
      seconds,
      requests,
      refused429,
      failed: refused.length,
      duplicates: held.length - new Set(held.map((entry) => entry.number)).size,
    };
    lines.push(line);
    // The whole set at the sample's pace: every figure scales with the numbers sent.
    const factor = ZOOM_NUMBERS / Math.max(1, ZOOM_NAIVE);
    lines.push({
      scenario: `naive, 1 a call, projected to ${ZOOM_NUMBERS}`,
      rows: ZOOM_NUMBERS,
      seconds: seconds * factor,
      requests: Math.round(requests * factor),
      refused429: Math.round(refused429 * factor),
      projected: true,
    });
  } finally {
    await naiveSim.close();
  }
  printTable(
    `Zoom internal numbers: ${ZOOM_NUMBERS} numbers to account me, limit ${ZOOM_LIMIT} req/s (ceiling ${50 * ZOOM_LIMIT} numbers/s at 50 a call)`,
    ZOOM_LIMIT,
    lines,
    [
      `push requests = plan reads (list pages of 100) + ${Math.ceil(ZOOM_NUMBERS / 50)} POSTs of ≤ 50; export = list pages of 100`,
      `one number a call needs ${ZOOM_NUMBERS} POSTs: at best ${(ZOOM_NUMBERS / ZOOM_LIMIT).toFixed(0)} s at the limit; "~" rows are projected from the sample`,
    ],
  );
}

// ---------------------------------------------------------------- Webex workspace numbers

async function webexWorkspaceNumbers(): Promise<void> {
  const keys = datasetOf('webex', 'workspace-numbers').fields.map((field) => field.key);
  const workspaceIds = Array.from({ length: WEBEX_WORKSPACES }, (_, w) =>
    webexWorkspaceId(`bench-${w}`),
  );
  // Workspace w holds the contiguous numbers i with floor(i·W/N) = w.
  const numbers = Array.from({ length: WEBEX_NUMBERS }, (_, i) => ({
    workspaceId: workspaceIds[Math.floor((i * WEBEX_WORKSPACES) / WEBEX_NUMBERS)] ?? '',
    phoneNumber: `+1202${2_000_000 + i}`,
    extension: String(10_000 + i),
  }));
  const rows = numbers.map((entry) => {
    const cells: Record<string, string> = {
      workspace_id: entry.workspaceId,
      phone_number: entry.phoneNumber,
      extension: entry.extension,
      action: 'ADD',
    };
    return keys.map((key) => cells[key] ?? '');
  });
  const start = () =>
    startWebexSimulator({
      tokens: [TOKEN],
      rateLimit: { perSecond: WEBEX_LIMIT },
      seedWorkspaces: workspaceIds.map((id, w) => ({ id, displayName: `Bench ${w}` })),
    });
  const duplicatesOf = (sim: Awaited<ReturnType<typeof start>>) => {
    const held = workspaceIds.flatMap((id) => sim.state.numbersOf(id));
    return held.length - new Set(held.map((entry) => entry.phoneNumber)).size;
  };
  const lines: Line[] = [];

  const sim = await start();
  try {
    const connection = { baseUrl: sim.url, auth: staticToken(TOKEN) };
    const log = () => sim.state.requests;
    const pushed = await batchlinePush(
      'webex',
      'workspace-numbers',
      rows,
      connection,
      WEBEX_LIMIT,
      log,
    );
    lines.push({
      scenario: 'batchline push, 1 PUT a workspace',
      ...pushed,
      duplicates: duplicatesOf(sim),
    });
    for (const paced of [true, false]) {
      await settle();
      lines.push(
        await exportRows(
          'webex',
          'workspace-numbers',
          connection,
          { workspaceIds },
          WEBEX_LIMIT,
          paced,
          log,
        ),
      );
    }
  } finally {
    await sim.close();
  }

  const naiveSim = await start();
  try {
    const jobs = workspaceIds.map((id) => ({
      id,
      numbers: numbers.filter((entry) => entry.workspaceId === id),
    }));
    const { done, refused, seconds } = await naiveWorkers(jobs, (job) =>
      sendJson('PUT', `${naiveSim.url}/telephony/config/workspaces/${job.id}/numbers`, TOKEN, {
        phoneNumbers: job.numbers.map(({ phoneNumber, extension }) => ({
          action: 'ADD',
          phoneNumber,
          extension,
        })),
      }),
    );
    lines.push({
      scenario: 'naive, 4 workers, sleep on 429',
      rows: done.reduce((sum, job) => sum + job.numbers.length, 0),
      seconds,
      ...phase(naiveSim.state.requests, 0),
      failed: refused.reduce((sum, job) => sum + job.numbers.length, 0),
      duplicates: duplicatesOf(naiveSim),
    });
  } finally {
    await naiveSim.close();
  }
  const perWorkspace = (WEBEX_NUMBERS / WEBEX_WORKSPACES).toFixed(0);
  printTable(
    `Webex workspace numbers: ${WEBEX_NUMBERS} numbers over ${WEBEX_WORKSPACES} workspaces (~${perWorkspace} each), limit ${WEBEX_LIMIT} req/s`,
    WEBEX_LIMIT,
    lines,
    [
      `push requests = plan reads (1 GET a workspace) + ${WEBEX_WORKSPACES} PUTs (≤ 20 numbers each); the naive loop sends the PUTs only`,
      `export = 1 GET per --workspace-id (${WEBEX_WORKSPACES})`,
    ],
  );
}

// ---------------------------------------------------------------- PortSIP users

async function portsipUsers(): Promise<void> {
  const keys = datasetOf('portsip', 'users').fields.map((field) => field.key);
  const users = Array.from({ length: PORTSIP_USERS }, (_, i) => ({
    name: `bench.user${i}`,
    password: `Bench-pw-${i}`,
    extension_number: String(20_000 + i),
    display_name: `Bench User ${i}`,
    email: `bench.user${i}@example.com`,
  }));
  const rows = users.map((user) => keys.map((key) => (user as Record<string, string>)[key] ?? ''));
  const limit = PORTSIP_QUOTA / 60;
  const start = () =>
    startPortsipSimulator({ tokens: [TOKEN], quotaPerMinute: PORTSIP_QUOTA, seed: {} });
  const duplicatesOf = (sim: Awaited<ReturnType<typeof start>>) => {
    const held = sim.state.users();
    return held.length - new Set(held.map((user) => user.extension_number)).size;
  };
  const lines: Line[] = [];
  let listPages = 0;
  let userReads = 0;

  const sim = await start();
  try {
    const connection = { baseUrl: sim.url, auth: staticToken(TOKEN) };
    const log = () => sim.state.requests;
    const pushed = await batchlinePush('portsip', 'users', rows, connection, PORTSIP_MAX_RPS, log);
    lines.push({
      scenario: 'batchline push, 1 user a call',
      ...pushed,
      duplicates: duplicatesOf(sim),
    });
    for (const paced of [true, false]) {
      await settle();
      const from = log().length;
      lines.push(await exportRows('portsip', 'users', connection, {}, PORTSIP_MAX_RPS, paced, log));
      const gets = log()
        .slice(from)
        .filter((entry) => entry.method === 'GET');
      listPages = gets.filter((entry) => /^\/api\/users(\?|$)/.test(entry.path)).length;
      userReads = gets.length - listPages;
    }
  } finally {
    await sim.close();
  }

  const naiveSim = await start();
  try {
    const { done, refused, seconds } = await naiveWorkers(users, (user) =>
      sendJson('POST', `${naiveSim.url}/api/users`, TOKEN, user),
    );
    lines.push({
      scenario: 'naive, 4 workers, sleep on 429',
      rows: done.length,
      seconds,
      ...phase(naiveSim.state.requests, 0),
      failed: refused.length,
      duplicates: duplicatesOf(naiveSim),
    });
  } finally {
    await naiveSim.close();
  }
  printTable(
    `PortSIP users: ${PORTSIP_USERS} users, quota ${PORTSIP_QUOTA}/min (= ${limit.toFixed(0)} req/s), batchline at --max-rps ${PORTSIP_MAX_RPS}`,
    limit,
    lines,
    [
      `export is N+1: ${listPages} list pages of 100 + ${userReads} GET /api/users/{id}`,
      `the quota is a fixed window per minute: a burst under ${PORTSIP_QUOTA} requests is never refused, whatever its rate`,
    ],
  );
}

const started = performance.now();
console.log(
  `datasets throughput${values.quick ? ' (--quick: sizes halved)' : ''}; batchline concurrency ${CONCURRENCY ?? 'default'}`,
);
await zoomInternalNumbers();
await webexWorkspaceNumbers();
await portsipUsers();
console.log(
  `\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; whole bench ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
