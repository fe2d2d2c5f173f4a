import { describe, expect, it } from 'vitest';
import {
  BatchFile,
  batchFileName,
  buildBatchFile,
  isBatchFileName,
  parseBatchFile,
  serializeBatchFile,
  type BatchInput,
} from '../../../../shared/batch/batch-file';

const SHA = 'a'.repeat(64);
const INPUT: BatchInput = {
  savedAt: new Date('2025-11-12T09:30:00.000Z'),
  target: 'zoom',
  kind: 'users',
  source: { fileName: 'hr.csv', size: 1234, sha256: SHA, delimiter: ';', headerRow: 3 },
  mapping: { email: 'Work Email', first_name: 'Given Name' },
  country: 'GB',
  connectionId: 'sandbox-zoom',
  edits: [{ row: 4, column: 'Work Email', from: 'ann@example', to: 'ann@example.com' }],
};

function text(patch: Record<string, unknown>): string {
  return JSON.stringify({ ...buildBatchFile(INPUT), ...patch });
}

function refusal(source: string): string {
  const parsed = parseBatchFile(source, 'hr.csv.batchline');
  expect(parsed.ok).toBe(false);
  return parsed.ok ? '' : `${parsed.error.code}: ${parsed.error.message}`;
}

describe('the .batchline file format', () => {
  it('builds a version 1 batch and reads back exactly what was saved', () => {
    const batch = buildBatchFile(INPUT);
    expect(batch).toMatchObject({
      format: 'batchline-batch',
      version: 1,
      savedAt: '2025-11-12T09:30:00.000Z',
      source: { fileName: 'hr.csv', size: 1234, sha256: SHA, delimiter: ';', headerRow: 3 },
    });
    const saved = serializeBatchFile(batch);
    expect(saved.endsWith('\n')).toBe(true);
    expect(parseBatchFile(saved, 'hr.csv.batchline')).toEqual({ ok: true, value: batch });
  });

  it('leaves out what was not chosen (country, connection, read choices)', () => {
    const batch = buildBatchFile({
      ...INPUT,
      source: { fileName: 'hr.csv', size: 1, sha256: SHA },
      country: '',
      connectionId: undefined,
    });
    expect(Object.keys(batch.source).sort()).toEqual(['fileName', 'sha256', 'size']);
    expect(batch).not.toHaveProperty('country');
    expect(batch).not.toHaveProperty('connectionId');
  });

  it('names the saved file after its source and recognises it by extension', () => {
    expect(batchFileName('hr.csv')).toBe('hr.csv.batchline');
    expect(isBatchFileName('HR.CSV.BATCHLINE')).toBe(true);
    expect(isBatchFileName('hr.csv')).toBe(false);
  });

  it('refuses text that is not JSON, or JSON that is not a batch', () => {
    expect(refusal('Name,Email\nAnn,a@x')).toBe(
      'BATCH_INVALID: hr.csv.batchline is not a batchline batch file (it is not JSON).',
    );
    for (const source of ['[]', '"x"', '{"format":"something-else","version":1}']) {
      expect(refusal(source)).toBe(
        'BATCH_INVALID: hr.csv.batchline is not a batchline batch file.',
      );
    }
  });

  it('refuses a batch saved by a newer batchline, naming its version', () => {
    expect(refusal(text({ version: 2 }))).toBe(
      'BATCH_INVALID: hr.csv.batchline was saved by a newer batchline (version 2); this one reads version 1. Update batchline to open it.',
    );
  });

  it('refuses a damaged batch, naming the bad field by its path', () => {
    const batch = buildBatchFile(INPUT);
    expect(refusal(text({ source: { ...batch.source, sha256: 'nope' } }))).toMatch(
      /^BATCH_INVALID: hr\.csv\.batchline is damaged: source\.sha256: /,
    );
    expect(refusal(text({ edits: [{ row: 0, column: 'A', from: '', to: 'x' }] }))).toMatch(
      /is damaged: edits\.0\.row: /,
    );
    expect(refusal(text({ target: 'teams' }))).toMatch(/is damaged: target: /);
    expect(refusal(text({ version: 0 }))).toMatch(/is damaged: version: /);
  });

  it('never holds a secret: no field is named like one, and one added by hand is refused', () => {
    const saved = serializeBatchFile(
      buildBatchFile({
        ...INPUT,
        // Whatever else a caller holds about the source is not carried into the file.
        source: { ...INPUT.source, token: 'tok-SECRET-1' } as BatchInput['source'],
      }),
    );
    expect(saved).not.toContain('tok-SECRET-1');
    const credential = /token|secret|password|credential|authorization|api_?key|bearer/i;
    const keys: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach(walk);
      } else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          keys.push(key);
          walk(inner);
        }
      }
    };
    walk(JSON.parse(saved));
    expect(keys.filter((key) => credential.test(key))).toEqual([]);
    expect(Object.keys(BatchFile.shape).filter((key) => credential.test(key))).toEqual([]);
    expect(refusal(text({ token: 'tok-SECRET-1' }))).toMatch(/is damaged: .*token/);
    expect(refusal(text({ source: { ...buildBatchFile(INPUT).source, password: 'p' } }))).toMatch(
      /is damaged: source: .*password/,
    );
  });
});
