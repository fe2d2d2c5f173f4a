import { inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/csv/write-csv';
import type {
  ExportedFile,
  RunRowView,
  RunView,
  ValidationView,
} from '../../../shared/ipc/contract';
import { startAppRouterSession, type AppRouterSession } from '../../helpers/app-router-session';

// Passwords and PINs of PortSIP users reach the PBX and nothing else the renderer or a
// file gets: results:export (CSV and XLSX), runs:rows, import:rows and batch:save.
const HEADERS = ['User Name', 'Password', 'Ext', 'Voicemail PIN'];
const SECRETS = ['Str0ng-Pass!', 'Other-Pass?9', '246813', 'Typed-New-Pass!'];
const CSV = toCsv(HEADERS, [
  ['alice.sec', 'Str0ng-Pass!', '3101', '246813'],
  ['bob.sec', 'Other-Pass?9', '3102', ''],
  ['Admin', 'Other-Pass?9', '3103', ''],
]);

/** The text of an exported file, XLSX entries inflated (compressed text would hide a value). */
function textOf(file: ExportedFile): string {
  if (file.encoding === 'utf8') {
    return file.content;
  }
  const bytes = Buffer.from(file.content, 'base64');
  const texts = [bytes.toString('latin1')];
  // The central directory has the sizes (a streamed entry's local header does not).
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < bytes.readUInt16LE(eocd + 10); i += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    at +=
      46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    texts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  return texts.join('\n');
}

function expectNoSecret(text: string, where: string): void {
  for (const secret of SECRETS) {
    expect(text, `${where} holds ${secret}`).not.toContain(secret);
  }
}

describe('PortSIP user passwords and PINs in the app', () => {
  let session: AppRouterSession;
  let fileId: string;
  let mapping: Record<string, string>;
  const open = async () => {
    const preview = await session.call<{
      fileId: string;
      suggestedMapping: Record<string, string>;
      sampleRows: string[][];
    }>('import:open', {
      target: 'portsip',
      kind: 'users',
      fileName: 'users.csv',
      dataBase64: Buffer.from(CSV).toString('base64'),
    });
    expectNoSecret(JSON.stringify(preview.sampleRows), 'import:open sampleRows');
    fileId = preview.fileId;
    mapping = preview.suggestedMapping;
  };

  beforeEach(async () => {
    session = await startAppRouterSession();
    await open();
  });
  afterEach(async () => {
    await session.close();
  });

  it('exports results and failed rows, and answers runs:rows, without any password or PIN', async () => {
    const { jobId } = await session.call<{ jobId: string }>('jobs:start', {
      target: 'portsip',
      kind: 'users',
      fileId,
      mapping,
      connectionId: 'sandbox-portsip',
    });
    const job = await session.waitForJob(jobId);
    expect(job.summary).toMatchObject({ created: 2, invalid: 1 });
    for (const which of ['all', 'failed'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        const file = await session.call<ExportedFile>('results:export', { jobId, which, format });
        const text = textOf(file);
        expectNoSecret(text, `results:export ${which} ${format}`);
        if (format === 'csv') {
          expect(text.split('\n')[0]).toContain('Password');
        }
      }
    }
    const { runs } = await session.call<{ runs: RunView[] }>('runs:list', {});
    const runId = runs[0]?.runId ?? '';
    const page = await session.call<{ rows: RunRowView[] }>('runs:rows', {
      runId,
      offset: 0,
      limit: 10,
    });
    expect(page.rows).toHaveLength(3);
    expectNoSecret(JSON.stringify(page), 'runs:rows');
    expect(page.rows[0]?.cells).toEqual(['alice.sec', '••••••', '3101', '••••••']);
    expect(page.rows[1]?.cells[3]).toBe('');
    for (const which of ['all', 'failed'] as const) {
      const file = await session.call<ExportedFile>('runs:export', { runId, which, format: 'csv' });
      expectNoSecret(textOf(file), `runs:export ${which}`);
      const xlsx = await session.call<ExportedFile>('runs:export', {
        runId,
        which,
        format: 'xlsx',
      });
      expectNoSecret(textOf(xlsx), `runs:export ${which} xlsx`);
      expect(textOf(xlsx)).toContain(which === 'all' ? 'alice.sec' : 'Admin');
    }
  });

  it('masks secrets on the review rows and leaves an edited password out of the saved batch', async () => {
    const args = { target: 'portsip', kind: 'users', fileId, mapping };
    const validation = await session.call<ValidationView>('import:validate', args);
    expect(validation.maskedColumns).toEqual([1, 3]);
    await session.call('import:edit', {
      ...args,
      changes: [
        { row: 2, column: 'Password', value: 'Typed-New-Pass!' },
        { row: 3, column: 'User Name', value: 'bobby.sec' },
      ],
    });
    const page = await session.call<{ rows: unknown[] }>('import:rows', {
      fileId,
      offset: 0,
      limit: 10,
      only: 'all',
    });
    expectNoSecret(JSON.stringify(page), 'import:rows after an edit');

    const saved = await session.call<ExportedFile & { maskedEditsLeftOut: number }>(
      'batch:save',
      args,
    );
    expect(saved.maskedEditsLeftOut).toBe(1);
    expectNoSecret(saved.content, 'the .batchline file');
    const batch = JSON.parse(saved.content) as { edits: { column: string; to: string }[] };
    expect(batch.edits).toEqual([
      expect.objectContaining({ column: 'User Name', to: 'bobby.sec' }),
    ]);
  });
});
