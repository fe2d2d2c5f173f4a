import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_NOT_RECORDED, NOT_SENT_YET } from '../../../main/services/runs/run-outcomes';
import type { RunDetail, RunRowView, RunView } from '../../../shared/ipc/contract';
import { startAppRouterSession, type AppRouterSession } from '../../helpers/app-router-session';
import { validUsersCsv } from '../../helpers/users-csv';

type Rows = { total: number; rows: RunRowView[] };

/** 20 valid users, then two at a site the Sandbox lacks (refused) and two bad emails. */
function mixedUsersCsv(): string {
  const lines = validUsersCsv(20, { extensionStart: 7000 }).trimEnd().split('\r\n');
  lines.push(
    'far.away1@example.com,Far,Away,7101,US/CA Unlimited Calling,Atlantis Office',
    'far.away2@example.com,Far,Away,7102,US/CA Unlimited Calling,Atlantis Office',
    'not-an-email,Bad,Email,7103,US/CA Unlimited Calling,Main Office',
    'also.not.an.email,Bad,Email,7104,US/CA Unlimited Calling,Main Office',
  );
  return `${lines.join('\r\n')}\r\n`;
}

describe('the run detail handlers (runs:get, runs:rows)', () => {
  let session: AppRouterSession;

  const onlyRunId = async () => {
    const { runs } = await session.call<{ runs: RunView[] }>('runs:list', {});
    expect(runs).toHaveLength(1);
    return runs[0]?.runId ?? '';
  };

  beforeEach(async () => {
    session = await startAppRouterSession();
  });
  afterEach(async () => {
    await session.close();
  });

  it('opens a completed run: its summary, counts, and rows filtered by outcome with their cells', async () => {
    const { jobId } = await session.pushZoomUsers(mixedUsersCsv(), 'mixed.csv');
    const job = await session.waitForJob(jobId);
    expect(job.state).toBe('completed');
    const runId = await onlyRunId();

    const detail = await session.call<RunDetail>('runs:get', { runId });
    expect(detail.run).toMatchObject({ runId, state: 'completed', fileName: 'mixed.csv' });
    expect(detail.connectionLabel).toBe('Sandbox · Zoom Phone');
    expect(detail.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(detail.headers).toEqual([
      'Work Email',
      'Given Name',
      'Surname',
      'Ext',
      'Calling Plan',
      'Site',
    ]);
    expect(detail.total).toBe(24);
    expect(detail.counts).toEqual({
      created: 20,
      updated: 0,
      skipped: 0,
      failed: 2,
      invalid: 2,
      pending: 0,
    });
    expect(detail.requests).toBe(job.summary?.requests);
    expect(detail.lastRow).toBe(25);

    const failed = await session.call<Rows>('runs:rows', {
      runId,
      offset: 0,
      limit: 100,
      status: 'failed',
    });
    expect(failed.total).toBe(2);
    expect(failed.rows.map((row) => row.row)).toEqual([22, 23]);
    expect(failed.rows[0]?.cells[5]).toBe('Atlantis Office');
    expect(failed.rows[0]?.message).toMatch(/site/i);

    const page = await session.call<Rows>('runs:rows', { runId, offset: 5, limit: 3 });
    expect(page.total).toBe(24);
    expect(page.rows.map((row) => [row.row, row.status])).toEqual([
      [7, 'created'],
      [8, 'created'],
      [9, 'created'],
    ]);
    expect(page.rows[0]?.id).toBeTruthy();
    expect(page.rows[0]?.cells[0]).toBe('new.user6@example.com');
  });

  it('exports a run as XLSX with the same rows as its results.csv', async () => {
    const { jobId } = await session.pushZoomUsers(mixedUsersCsv(), 'mixed.csv');
    await session.waitForJob(jobId);
    const runId = await onlyRunId();
    const exported = await session.call<{ fileName: string; encoding: string; content: string }>(
      'runs:export',
      { runId, which: 'all', format: 'xlsx' },
    );
    expect(exported.fileName).toBe(`${runId}-results.xlsx`);
    expect(exported.encoding).toBe('base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.content, 'base64') as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Results', 'Summary']);
    const results = workbook.getWorksheet('Results');
    expect(results?.rowCount).toBe(25);
    const csv = await readFile(join(session.dataDir, 'runs', runId, 'results.csv'), 'utf8');
    const firstCsvRow = csv.replace(/^\uFEFF/, '').split('\r\n')[1];
    const second = results?.getRow(2);
    const firstXlsxRow = Array.from({ length: 10 }, (_, i) => second?.getCell(i + 1).text).join(
      ',',
    );
    expect(firstXlsxRow).toBe(firstCsvRow);

    const failed = await session.call<{ fileName: string }>('runs:export', {
      runId,
      which: 'failed',
      format: 'xlsx',
    });
    expect(failed.fileName).toBe(`${runId}-failed-rows.xlsx`);
  });

  it('opens a cancelled run, then the same run cut off mid-push: rows not done are pending', async () => {
    const { jobId } = await session.pushZoomUsers(validUsersCsv(120, { extensionStart: 7000 }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    await session.call('jobs:cancel', { jobId });
    expect((await session.waitForJob(jobId)).state).toBe('cancelled');
    const runId = await onlyRunId();

    const cancelled = await session.call<RunDetail>('runs:get', { runId });
    expect(cancelled.run.state).toBe('cancelled');
    const { created, pending } = cancelled.counts;
    expect(created).toBeGreaterThan(0);
    expect(pending).toBeGreaterThan(0);
    expect(created + pending).toBe(120);
    const open = await session.call<Rows>('runs:rows', {
      runId,
      offset: 0,
      limit: 1000,
      status: 'pending',
    });
    expect(open.total).toBe(pending);
    expect(open.rows.every((row) => row.message === 'Not sent: the run was cancelled')).toBe(true);

    // What a crash mid-push leaves: no end line, no "not sent" lines, three rows sent without
    // an answer, and a manifest that still says running (with no summary yet).
    const dir = join(session.dataDir, 'runs', runId);
    const journalPath = join(dir, 'journal.ndjson');
    const kept = (await readFile(journalPath, 'utf8'))
      .split('\n')
      .filter((line) => line && !line.includes('"t":"end"') && !line.includes('not sent: '));
    const inFlight = open.rows.slice(0, 3).map((row) => row.row);
    kept.push(
      JSON.stringify({
        t: 'send',
        at: new Date().toISOString(),
        request: 999,
        attempt: 1,
        rows: inFlight,
      }),
    );
    await writeFile(journalPath, `${kept.join('\n')}\n`);
    const manifestPath = join(dir, 'run.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    delete manifest.summary;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, state: 'running' }));

    const interrupted = await session.call<RunDetail>('runs:get', { runId });
    expect(interrupted.run.state).toBe('interrupted');
    expect(interrupted.counts).toMatchObject({ created, pending });
    expect(interrupted.requests).toBe(kept.filter((line) => line.includes('"t":"send"')).length);
    const rows = await session.call<Rows>('runs:rows', {
      runId,
      offset: 0,
      limit: 1000,
      status: 'pending',
    });
    expect(rows.rows.slice(0, 3).map((row) => [row.row, row.message])).toEqual(
      inFlight.map((row) => [row, ANSWER_NOT_RECORDED]),
    );
    expect(rows.rows.slice(3).every((row) => row.message === NOT_SENT_YET)).toBe(true);
    const noResults = await session.dispatch('runs:export', {
      runId,
      which: 'all',
      format: 'xlsx',
    });
    expect(noResults).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Resumed to the end, the same run has nothing pending.
    const resumed = await session.call<{ jobId: string }>('runs:resume', { runId });
    expect((await session.waitForJob(resumed.jobId)).state).toBe('completed');
    const done = await session.call<RunDetail>('runs:get', { runId });
    expect(done.counts).toMatchObject({ created: 120, pending: 0 });
  });

  it('answers NOT_FOUND for a run that does not exist and refuses a bad page', async () => {
    expect(await session.dispatch('runs:get', { runId: 'no-such-run' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await session.dispatch('runs:rows', { runId: 'x', offset: 0, limit: 0, status: 'failed' }),
    ).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    expect(
      await session.dispatch('runs:rows', { runId: 'x', offset: 0, limit: 5, status: 'lost' }),
    ).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
  });
});
