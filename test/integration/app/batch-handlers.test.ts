import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServicesOptions } from '../../../main/app/app-services';
import type { ConnectionEntry } from '../../../main/app/connections';
import { staticToken } from '../../../main/services/http/token-source';
import {
  buildBatchFile,
  parseBatchFile,
  serializeBatchFile,
  type BatchFile,
} from '../../../shared/batch/batch-file';
import type { CellEdit } from '../../../shared/edits/cell-edit';
import type {
  ExportedFile,
  JobState,
  ReplyOf,
  ValidatedRowView,
  ValidationView,
} from '../../../shared/ipc/contract';
import type { SerializedAppError } from '../../../shared/errors';
import { startAppRouterSession, type AppRouterSession } from '../../helpers/app-router-session';
import { closedPort } from '../../helpers/closed-port';

// Offline batches through the real router: a batch saved on one "machine" (app services
// with their own data folder) is opened on another with its source file, and refused when
// the file or the batch is not what was saved.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/e2e/users-with-errors.csv');
const MAPPING = {
  email: 'Work Email',
  first_name: 'Given Name',
  last_name: 'Surname',
  extension_number: 'Ext',
  phone_numbers: 'Direct Dial',
  calling_plans: 'Calling Plan',
  site_name: 'Site',
};
/** Fixes of two invalid rows: row 4's email and row 7's extension. */
const EDITS: CellEdit[] = [
  { row: 4, column: 'Work Email', from: 'bob@', to: 'bob.marsh@example.com' },
  { row: 7, column: 'Ext', from: '20x6', to: '2006' },
];
/** A connection the first machine has and the second does not; it is down, too. */
const GONE = {
  view: { id: 'zoom-head-office', label: 'Head office Zoom', target: 'zoom', sandbox: false },
  connection: { baseUrl: '', auth: staticToken('tok-BATCH-9f8e7d6c5b4a') },
  maxRps: 10,
} as const;

describe('offline batches (batch:save, batch:open)', () => {
  const machines: AppRouterSession[] = [];
  let bytes: Buffer;
  let gone: ConnectionEntry;

  const machine = async (extra: Partial<AppServicesOptions> = {}) => {
    const session = await startAppRouterSession(extra);
    machines.push(session);
    const { dispatch, call } = session;
    const refusal = async (channel: string, args: unknown): Promise<SerializedAppError> => {
      const result = await dispatch(channel, args);
      expect(result.ok).toBe(false);
      return (result as { error: SerializedAppError }).error;
    };
    return { dispatch, call, refusal };
  };
  type Machine = Awaited<ReturnType<typeof machine>>;

  const openBatch = (on: Machine, batchText: string, fileName = 'hr.csv', data = bytes) =>
    on.call<ReplyOf<'batch:open'>>('batch:open', {
      batchText,
      fileName,
      dataBase64: data.toString('base64'),
    });
  const validate = (on: Machine, fileId: string, mapping = MAPPING) =>
    on.call<ValidationView>('import:validate', { target: 'zoom', kind: 'users', fileId, mapping });
  const rows = async (on: Machine, fileId: string) =>
    (
      await on.call<{ rows: ValidatedRowView[] }>('import:rows', {
        fileId,
        offset: 0,
        limit: 100,
        only: 'all',
      })
    ).rows;
  const prepared = (patch: Partial<BatchFile> = {}): string =>
    serializeBatchFile({
      ...buildBatchFile({
        savedAt: new Date('2025-11-12T10:00:00Z'),
        target: 'zoom',
        kind: 'users',
        source: {
          fileName: 'hr.csv',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        },
        mapping: MAPPING,
        connectionId: 'sandbox-zoom',
        edits: EDITS,
      }),
      ...patch,
    });

  beforeEach(async () => {
    bytes = await readFile(FIXTURE);
    gone = {
      ...GONE,
      connection: { ...GONE.connection, baseUrl: `http://127.0.0.1:${await closedPort()}` },
    };
  });
  afterEach(async () => {
    for (const session of machines.splice(0)) {
      await session.close();
    }
  });

  it('saves a prepared batch and opens it on another machine with the same rows, mapping and edits', async () => {
    const first = await machine({ extraConnections: [gone] });
    const opened = await openBatch(first, prepared());
    // Saved again on the first machine: the edits now come from its open file.
    const saved = await first.call<ExportedFile>('batch:save', {
      target: 'zoom',
      kind: 'users',
      fileId: opened.preview.fileId,
      mapping: MAPPING,
      country: 'US',
      connectionId: GONE.view.id,
    });
    expect(saved).toMatchObject({ fileName: 'hr.csv.batchline', encoding: 'utf8' });
    expect(saved.content).not.toContain('tok-BATCH-9f8e7d6c5b4a');
    const batch = parseBatchFile(saved.content, saved.fileName);
    expect(batch.ok && batch.value).toMatchObject({
      target: 'zoom',
      kind: 'users',
      source: { fileName: 'hr.csv', size: bytes.length },
      mapping: MAPPING,
      country: 'US',
      connectionId: GONE.view.id,
      edits: EDITS,
    });
    const checkedBefore = await validate(first, opened.preview.fileId);
    const before = await rows(first, opened.preview.fileId);

    // Another machine, without that connection: the batch still opens.
    const second = await machine();
    const reopened = await openBatch(second, saved.content, 'hr (1).csv');
    expect(reopened.batch).toEqual({
      target: 'zoom',
      kind: 'users',
      mapping: MAPPING,
      country: 'US',
      connectionId: GONE.view.id,
      savedAt: batch.ok ? batch.value.savedAt : '',
      sourceFileName: 'hr.csv',
      edits: 2,
    });
    expect(reopened.preview).toMatchObject({
      rowCount: 12,
      suggestedMapping: MAPPING,
      mappingIssues: [],
    });
    const checked = await validate(second, reopened.preview.fileId);
    expect(checked.counts).toEqual(checkedBefore.counts);
    const after = await rows(second, reopened.preview.fileId);
    expect(after.map((row) => row.cells)).toEqual(before.map((row) => row.cells));
    expect(after[2]).toMatchObject({
      row: 4,
      cells: expect.arrayContaining(['bob.marsh@example.com']),
    });
    expect(after[2]?.issues).toEqual([]);
    // Saved on the second machine it is the same batch, bar when it was saved and the name
    // the file has there.
    const again = await second.call<ExportedFile>('batch:save', {
      target: 'zoom',
      kind: 'users',
      fileId: reopened.preview.fileId,
      mapping: MAPPING,
      country: 'US',
      connectionId: GONE.view.id,
    });
    const strip = (text: string) => {
      const { savedAt: _savedAt, source, ...rest } = JSON.parse(text) as BatchFile;
      return { ...rest, source: { ...source, fileName: '' } };
    };
    expect(again.fileName).toBe('hr (1).csv.batchline');
    expect(strip(again.content)).toEqual(strip(saved.content));
  });

  it('refuses a source file that is not the one the batch was prepared from, naming both', async () => {
    const on = await machine();
    const other = Buffer.from(bytes.toString('utf8').replace('Ava', 'Eva'));
    const error = await on.refusal('batch:open', {
      batchText: prepared(),
      fileName: 'hr-final.csv',
      dataBase64: other.toString('base64'),
    });
    expect(error.code).toBe('BATCH_INVALID');
    expect(error.message).toBe(
      'hr-final.csv is not the file this batch was prepared from (its contents differ); choose hr.csv as it was on 12 Nov 2025.',
    );
    const longer = await on.refusal('batch:open', {
      batchText: prepared(),
      fileName: 'hr.csv',
      dataBase64: Buffer.concat([bytes, Buffer.from('x\n')]).toString('base64'),
    });
    expect(longer.message).toContain(
      `(its contents differ: ${(bytes.length + 2).toLocaleString('en')} bytes, not ${bytes.length.toLocaleString('en')})`,
    );
  });

  it('refuses a batch whose edit no longer matches the file, naming row and column', async () => {
    const on = await machine();
    const tampered = prepared({
      edits: [{ row: 7, column: 'Ext', from: '2006', to: '9999' }],
    });
    const error = await on.refusal('batch:open', {
      batchText: tampered,
      fileName: 'hr.csv',
      dataBase64: bytes.toString('base64'),
    });
    expect(error).toMatchObject({ code: 'BATCH_INVALID' });
    expect(error.message).toContain(
      'its edit of row 7, column "Ext" expects "2006" there, but hr.csv has "20x6"',
    );
  });

  it('refuses text that is not a batch, or one from a newer batchline', async () => {
    const on = await machine();
    for (const [batchText, said] of [
      ['Work Email\na@b.c\n', 'The chosen batch is not a batchline batch file (it is not JSON).'],
      [JSON.stringify({ format: 'batchline-batch', version: 3 }), 'newer batchline (version 3)'],
    ] as const) {
      const error = await on.refusal('batch:open', {
        batchText,
        fileName: 'hr.csv',
        dataBase64: bytes.toString('base64'),
      });
      expect(error.code).toBe('BATCH_INVALID');
      expect(error.message).toContain(said);
    }
  });

  it('says a connection that cannot be reached cannot be reached, at plan and at push', async () => {
    const on = await machine({ extraConnections: [gone] });
    const { preview } = await openBatch(on, prepared());
    await validate(on, preview.fileId);
    const args = {
      target: 'zoom',
      kind: 'users',
      fileId: preview.fileId,
      mapping: MAPPING,
      connectionId: GONE.view.id,
      allowUpdates: true,
    };
    const planned = await on.refusal('import:plan', args);
    expect(planned.code).toBe('NETWORK');
    expect(planned.message).toContain('cannot connect (ECONNREFUSED)');
    expect(planned.message).toMatch(
      /^Head office Zoom cannot be reached \(.+\)\. Nothing was sent, and your batch is kept: use “Save batch…” to keep it in a file and push when online\.$/,
    );
    const { jobId } = await on.call<{ jobId: string }>('jobs:start', args);
    let job: JobState;
    for (;;) {
      job = await on.call<JobState>('jobs:get', { jobId });
      if (job.state !== 'running') {
        break;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(
      /^Head office Zoom cannot be reached \(.+your batch is kept/,
    );
  });
});
