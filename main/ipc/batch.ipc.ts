import { createHash } from 'node:crypto';
import { batchEditChanges } from '../../shared/batch/batch-edits';
import {
  batchDay,
  batchFileName,
  buildBatchFile,
  parseBatchFile,
  serializeBatchFile,
  type BatchFile,
} from '../../shared/batch/batch-file';
import { maskSecrets, secretColumns } from '../../shared/datasets/secret-columns';
import { AppError } from '../../shared/errors';
import type { BatchSummary } from '../../shared/ipc/contract';
import { checkMapping } from '../../shared/mapping/suggest-mapping';
import type { OpenFiles } from '../app/open-files';
import { previewSheet, requireDataset } from './import.ipc';
import type { Handlers } from './router';

/** What the batch handlers need: the open files, and a clock for `savedAt` (tests pin it). */
export interface BatchDeps {
  files: OpenFiles;
  now?: () => Date;
}

/** A `.batchline` file is JSON; the renderer downloads it as text. */
const BATCH_MIME_TYPE = 'application/json';

/**
 * Handlers that save a prepared import as a `.batchline` file and open one again, with its
 * source file, on this or another computer. Both work offline; nothing here reads a target,
 * and the batch names its connection by id only.
 */
export function batchHandlers(deps: BatchDeps): Pick<Handlers, 'batch:save' | 'batch:open'> {
  const now = deps.now ?? (() => new Date());
  return {
    async 'batch:save'({ target, kind, fileId, mapping, country, connectionId }) {
      const dataset = requireDataset(target, kind);
      const origin = deps.files.origin(fileId);
      if (!origin) {
        throw new AppError('NOT_FOUND', 'This file was not opened from a file; open it again.');
      }
      // A password or PIN typed on the review grid is not written to the file (from nor to).
      const { headers } = deps.files.get(fileId);
      const hidden = new Set(secretColumns(dataset, mapping, headers).headers);
      const edits = deps.files.edits(fileId).list();
      const kept = edits.filter((edit) => !hidden.has(edit.column));
      const batch = buildBatchFile({
        savedAt: now(),
        target,
        kind,
        source: origin,
        mapping,
        ...(country ? { country } : {}),
        ...(connectionId ? { connectionId } : {}),
        edits: kept,
      });
      return {
        fileName: batchFileName(origin.fileName),
        mimeType: BATCH_MIME_TYPE,
        encoding: 'utf8',
        content: serializeBatchFile(batch),
        maskedEditsLeftOut: edits.length - kept.length,
      };
    },

    async 'batch:open'({ batchText, fileName, dataBase64 }) {
      const parsed = parseBatchFile(batchText, 'The chosen batch');
      if (!parsed.ok) {
        throw new AppError(parsed.error.code, parsed.error.message);
      }
      const batch = parsed.value;
      const bytes = Buffer.from(dataBase64, 'base64');
      requireSameSource(batch, fileName, bytes);
      const { fileName: _recorded, size: _size, sha256: _sha256, ...choices } = batch.source;
      // No check while reading: the batch's edits change the rows before the first check.
      const preview = await previewSheet(
        { files: deps.files, precheck: false },
        { target: batch.target, kind: batch.kind, fileName, bytes, choices },
      );
      const table = deps.files.get(preview.fileId);
      try {
        deps.files.edits(preview.fileId).apply(batchEditChanges(table, batch.edits));
      } catch (caught) {
        deps.files.close(preview.fileId);
        throw caught;
      }
      const dataset = requireDataset(batch.target, batch.kind, batch.country);
      return {
        preview: {
          ...preview,
          // The first rows as edited: the batch's edits are part of what the admin prepared.
          sampleRows: table.rows
            .slice(0, 5)
            .map((row) =>
              maskSecrets(row.cells, secretColumns(dataset, batch.mapping, table.headers).indexes),
            ),
          suggestedMapping: batch.mapping,
          mappingSource: 'remembered',
          mappingIssues: checkMapping(table.headers, dataset, batch.mapping),
        },
        batch: summaryOf(batch),
      };
    },
  };
}

/**
 * Refuses a source file that is not the bytes the batch was prepared from: its row numbers
 * and edits would point at other people. The name may differ (a copy, a download).
 */
function requireSameSource(batch: BatchFile, fileName: string, bytes: Uint8Array): void {
  const { source } = batch;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === source.size && sha256 === source.sha256) {
    return;
  }
  const sizes =
    bytes.length === source.size
      ? 'its contents differ'
      : `its contents differ: ${bytes.length.toLocaleString('en')} bytes, not ${source.size.toLocaleString('en')}`;
  throw new AppError(
    'BATCH_INVALID',
    `${fileName} is not the file this batch was prepared from (${sizes}); choose ${source.fileName} as it was on ${batchDay(batch.savedAt)}.`,
  );
}

function summaryOf(batch: BatchFile): BatchSummary {
  return {
    target: batch.target,
    kind: batch.kind,
    mapping: batch.mapping,
    ...(batch.country ? { country: batch.country } : {}),
    ...(batch.connectionId ? { connectionId: batch.connectionId } : {}),
    savedAt: batch.savedAt,
    sourceFileName: batch.source.fileName,
    edits: batch.edits.length,
  };
}
