import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app/app-services';
import type { ConnectionEntry } from '../../../main/app/connections';
import { createAppServices } from '../../../main/app/create-app-services';
import { createLogger } from '../../../main/lib/logger';
import { startZoomSimulator, type ZoomSimulator } from '../../../main/sandbox/zoom/zoom-simulator';
import { createZoomOAuthTokenSource } from '../../../main/services/connectors/zoom/zoom-oauth-client';
import type { TokenSource } from '../../../main/services/http/token-source';
import { staticToken } from '../../../main/services/http/token-source';
import type { JobEvent, JobState, RunView } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { validUsersCsv } from '../../helpers/users-csv';

// BAD-INPUTS cases 33 and 34: a credential never crosses to the renderer and is never
// written anywhere. Real services push to the Zoom simulator through connections holding a
// distinctive token (or OAuth client secret); the happy path, a lost answer, a 5xx, a 401
// from a refused token, a refused sign-in and a resume all run, so error paths log too.
// Then everything batchline produced is searched for the secrets in plain, URL-encoded,
// hex and base64/base64url form (at every byte alignment):
//  - every file under the data folder (settings.json, runs/<id>/run.json, journal.ndjson,
//    source.ndjson, results.csv, failed-rows.csv, locks, anything else), read as bytes;
//  - every log line the logger received;
//  - every router reply (JSON), with exported files decoded (base64, and XLSX unzipped);
//  - every job event pushed to the renderer.
// The CLI side: test/integration/cli/cli-oauth.test.ts (files and streams) and
// test/unit/main/cli/cli-args.test.ts ("--token" refused, its value not echoed).

const TOKEN = 'tok-SCAN-9f8e7d6c5b4a3210-ZOOM-bearer';
const REFUSED_TOKEN = 'tok-REFUSED-0a1b2c3d4e5f6789-zoom';
const OAUTH = {
  accountId: 'acct-scan-1',
  clientId: 'client-scan-77',
  clientSecret: 'cs-SCAN-very-secret-value-4242',
};
const WRONG_SECRET = 'cs-WRONG-another-secret-value-9191';
/** Tokens the OAuth simulator mints look like this; none may be written anywhere. */
const MINTED = /sim-oauth-[A-Za-z0-9_-]{8,}/;

/** The secret as it could show up: plain, URL-encoded, hex, base64 and base64url at each alignment. */
function encodedForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('hex')]);
  for (let skip = 0; skip < 3; skip += 1) {
    const part = secret.slice(skip);
    const whole = Buffer.from(part.slice(0, part.length - (part.length % 3)));
    forms.add(whole.toString('base64'));
    forms.add(whole.toString('base64url'));
  }
  return [...forms];
}

/** The entries of a ZIP (XLSX) archive, inflated: compressed text would hide a secret. */
function unzip(bytes: Buffer): Buffer[] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) {
    return [];
  }
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    at +=
      46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    entries.push(method === 8 ? inflateRawSync(data) : data);
  }
  return entries;
}

/** A blob of text to search, plus the decoded forms of anything packed inside it. */
function expand(bytes: Buffer): string[] {
  const texts = [bytes.toString('latin1')];
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    texts.push(...unzip(bytes).map((entry) => entry.toString('latin1')));
  }
  return texts;
}

/** Where any form of any secret, or a minted OAuth token, shows up in the sources. */
function leaksIn(sources: readonly [string, string][], secrets: readonly string[]): string[] {
  const forms = secrets.flatMap(encodedForms);
  const leaks: string[] = [];
  for (const [where, text] of sources) {
    for (const form of forms) {
      if (text.includes(form)) {
        leaks.push(`${form} in ${where}`);
      }
    }
    if (MINTED.test(text)) {
      leaks.push(`a minted OAuth token in ${where}`);
    }
  }
  return leaks;
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await filesUnder(full)));
    } else {
      found.push(full);
    }
  }
  return found;
}

describe('secrets never leave main', () => {
  let dataDir: string;
  let sim: ZoomSimulator | undefined;
  let services: AppServices | undefined;
  const logLines: string[] = [];
  const replies: unknown[] = [];
  const events: JobEvent[] = [];

  const caller = { trusted: true, description: 'test' };
  const running = (): AppServices => {
    if (!services) {
      throw new Error('start() first');
    }
    return services;
  };
  const dispatch = async (channel: string, args: unknown): Promise<Result<unknown>> => {
    const result = await running().router.dispatch(channel, args, caller);
    replies.push(result);
    return result;
  };
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const result = await dispatch(channel, args);
    if (!result.ok) {
      throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    }
    return result.value as T;
  };
  const waitForJob = async (jobId: string): Promise<JobState> => {
    for (;;) {
      const state = await call<JobState>('jobs:get', { jobId });
      if (state.state !== 'running') {
        return state;
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  };
  const zoomConnection = (id: string, baseUrl: string, auth: TokenSource): ConnectionEntry => ({
    view: { id, label: `Zoom (${id})`, target: 'zoom', sandbox: false },
    connection: { baseUrl, auth, timeoutMs: 5_000 },
    maxRps: 100,
  });
  const start = async (connections: ConnectionEntry[]) => {
    const started = await createAppServices({
      dataDir,
      mode: 'browser',
      version: 'test',
      log: createLogger((line) => logLines.push(line)),
      extraConnections: connections,
    });
    services = started;
    started.events.subscribe((event) => events.push(event));
  };
  /** Opens, checks and pushes `rows` new users (from user `firstRow`); resolves when the job ends. */
  const push = async (connectionId: string, rows: number, firstRow: number) => {
    const csv = validUsersCsv(rows, { firstRow, extensionStart: 5000 + firstRow });
    const dataBase64 = Buffer.from(csv).toString('base64');
    const preview = await call<{ fileId: string; suggestedMapping: Record<string, string> }>(
      'import:open',
      { target: 'zoom', kind: 'users', fileName: 'users.csv', dataBase64 },
    );
    const dataset = { target: 'zoom', kind: 'users', fileId: preview.fileId };
    await call('import:validate', { ...dataset, mapping: preview.suggestedMapping });
    const { jobId } = await call<{ jobId: string }>('jobs:start', {
      ...dataset,
      mapping: preview.suggestedMapping,
      connectionId,
    });
    return { jobId, state: await waitForJob(jobId) };
  };
  /** Every export the renderer can ask for, for a finished job. */
  const exportEverything = async (jobId: string, connectionId: string) => {
    for (const format of ['csv', 'xlsx']) {
      for (const which of ['all', 'failed']) {
        await dispatch('results:export', { jobId, which, format });
      }
      await dispatch('export:run', { target: 'zoom', kind: 'users', connectionId, format });
    }
    const { runs } = await call<{ runs: RunView[] }>('runs:list', {});
    for (const run of runs) {
      await dispatch('runs:export', { runId: run.runId, which: 'all' });
      await dispatch('runs:export', { runId: run.runId, which: 'all', format: 'xlsx' });
      await dispatch('runs:get', { runId: run.runId });
      await dispatch('runs:rows', { runId: run.runId, offset: 0, limit: 1000 });
    }
    await dispatch('app:info', {});
  };

  /** Searches everything batchline produced for every form of every secret. */
  const expectNoSecretAnywhere = async (secrets: string[]) => {
    const sources: [string, string][] = [];
    const files = await filesUnder(dataDir);
    expect(files.some((file) => file.endsWith('journal.ndjson'))).toBe(true);
    expect(files.some((file) => file.endsWith('settings.json'))).toBe(true);
    for (const file of files) {
      for (const text of expand(await readFile(file))) {
        sources.push([path.relative(dataDir, file), text]);
      }
    }
    sources.push(['log', logLines.join('\n')]);
    sources.push(['events', JSON.stringify(events)]);
    for (const reply of replies) {
      sources.push(['reply', JSON.stringify(reply)]);
      const value = (reply as { ok: boolean; value?: { encoding?: string; content?: string } })
        .value;
      if (value?.encoding === 'base64' && typeof value.content === 'string') {
        for (const text of expand(Buffer.from(value.content, 'base64'))) {
          sources.push(['exported file', text]);
        }
      }
    }
    expect(leaksIn(sources, secrets)).toEqual([]);
    // The scan looked at real material, not an empty folder.
    expect(sources.length).toBeGreaterThan(10);
    expect(logLines.length).toBeGreaterThan(0);
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'batchline-secrets-'));
    logLines.length = 0;
    replies.length = 0;
    events.length = 0;
  });
  afterEach(async () => {
    await services?.close();
    await sim?.close();
    services = undefined;
    sim = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a bearer token: pushes, a lost answer, a 5xx, a refused token and a resume', async () => {
    const zoom = await startZoomSimulator({ tokens: [TOKEN], rateLimit: { perSecond: 200 } });
    sim = zoom;
    await start([
      zoomConnection('zoom-scan', zoom.url, staticToken(TOKEN)),
      zoomConnection('zoom-refused', zoom.url, staticToken(REFUSED_TOKEN)),
    ]);

    // A lost answer (applied, then the connection drops) and a 503 on the first batches.
    zoom.faults.enqueue('batch-add-users', { kind: 'drop-after-apply' });
    zoom.faults.enqueue('batch-add-users', { kind: 'status', status: 503 });
    const first = await push('zoom-scan', 25, 1);
    expect(first.state.state).toBe('completed');
    await exportEverything(first.jobId, 'zoom-scan');

    // A token the target refuses: the run stops as needs sign-in, the export fails.
    const refused = await push('zoom-refused', 5, 100);
    expect(['stopped', 'failed']).toContain(refused.state.state);
    await exportEverything(refused.jobId, 'zoom-refused');

    // The good token meets a 401 mid-run, then the run is resumed to the end.
    zoom.faults.enqueue('batch-add-users', {
      kind: 'status',
      status: 401,
      message: 'Access token is expired.',
    });
    const expired = await push('zoom-scan', 15, 200);
    expect(expired.state.state).toBe('stopped');
    const { runs } = await call<{ runs: RunView[] }>('runs:list', {});
    const stopped = runs.find((run) => run.jobId === expired.jobId || run.state === 'stopped');
    const resumed = await call<{ jobId: string }>('runs:resume', { runId: stopped?.runId });
    expect((await waitForJob(resumed.jobId)).state).toBe('completed');
    await exportEverything(resumed.jobId, 'zoom-scan');

    // The simulator really saw the token and the refused one: the scan is meaningful.
    expect(zoom.state.requests.some((request) => request.status === 401)).toBe(true);
    expect(
      logLines.some((line) => line.includes('"level":"warn"') || line.includes('"level":"error"')),
    ).toBe(true);
    await expectNoSecretAnywhere([TOKEN, REFUSED_TOKEN]);
  });

  it('Zoom Server-to-Server OAuth: sign-in, a refresh mid-run, a refused sign-in and refresh', async () => {
    const zoom = await startZoomSimulator({
      tokens: [],
      rateLimit: { perSecond: 200 },
      oauth: { ...OAUTH, expiresAfterRequests: 3 },
    });
    sim = zoom;
    const oauthUrl = zoom.oauthUrl ?? '';
    await start([
      zoomConnection('zoom-oauth', zoom.url, createZoomOAuthTokenSource({ ...OAUTH, oauthUrl })),
      zoomConnection(
        'zoom-oauth-wrong',
        zoom.url,
        createZoomOAuthTokenSource({ ...OAUTH, clientSecret: WRONG_SECRET, oauthUrl }),
      ),
    ]);

    zoom.faults.enqueue('batch-add-users', { kind: 'drop-after-apply' });
    const first = await push('zoom-oauth', 40, 1);
    expect(first.state.state).toBe('completed');
    expect(zoom.oauth?.issuedCount).toBeGreaterThanOrEqual(2);
    await exportEverything(first.jobId, 'zoom-oauth');

    // Wrong client secret: the sign-in is refused before any API call.
    const wrong = await push('zoom-oauth-wrong', 5, 100);
    expect(['stopped', 'failed']).toContain(wrong.state.state);
    await exportEverything(wrong.jobId, 'zoom-oauth-wrong');

    // The token is refused mid-run and so is the refresh.
    if (zoom.oauth) {
      zoom.oauth.refuseRefresh = true;
    }
    zoom.faults.enqueue('batch-add-users', {
      kind: 'status',
      status: 401,
      message: 'Access token is expired.',
    });
    const refused = await push('zoom-oauth', 40, 200);
    expect(['stopped', 'failed']).toContain(refused.state.state);
    await exportEverything(refused.jobId, 'zoom-oauth');

    await expectNoSecretAnywhere([
      OAUTH.clientSecret,
      WRONG_SECRET,
      `${OAUTH.clientId}:${OAUTH.clientSecret}`,
      `${OAUTH.clientId}:${WRONG_SECRET}`,
    ]);
  });

  it('the scan notices a leak in any of the forms it looks for (control)', () => {
    const basic = Buffer.from(`${OAUTH.clientId}:${OAUTH.clientSecret}`).toString('base64');
    const planted: [string, string][] = [
      ['header', `Authorization: Basic ${basic}`],
      ['url', `https://x.example/?t=${encodeURIComponent(`a b/${TOKEN}`)}`],
      ['base64url', Buffer.from(`xy${TOKEN}`).toString('base64url')],
      ['minted', '{"access_token":"sim-oauth-AbCdEf123456"}'],
      ['clean', 'nothing to see'],
    ];
    const leaks = leaksIn(planted, [TOKEN, OAUTH.clientSecret]);
    for (const where of ['header', 'url', 'base64url', 'minted']) {
      expect(
        leaks.some((leak) => leak.endsWith(` in ${where}`)),
        where,
      ).toBe(true);
    }
    expect(leaks.some((leak) => leak.endsWith(' in clean'))).toBe(false);
  });
});
