import { parseBatchFile, type BatchFile } from '../../../../shared/batch/batch-file';
import type { BatchlineApi } from '../../../../shared/ipc/api';
import type { ImportPreview, BatchSummary, ValidationView } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/result';
import { readChosenFile } from '../read-chosen-file';
import type { PendingBatch } from './batch-state';

/** Reads and parses a chosen `.batchline` file: the batch waiting for its source sheet. */
export async function readBatchFile(file: File): Promise<Result<PendingBatch>> {
  const text = await readChosenFile(file, (chosen) => chosen.text());
  if (!text.ok) {
    return text;
  }
  const parsed = parseBatchFile(text.value, file.name);
  return parsed.ok
    ? { ok: true, value: { batch: parsed.value, text: text.value, name: file.name } }
    : parsed;
}

/** What opening a batch with its source sheet gives the wizard. */
export interface OpenedWithSource {
  preview: ImportPreview;
  batch: BatchSummary;
  validation: ValidationView;
}

/**
 * Hands a pending batch and its source sheet to main (which checks the sheet is the one the
 * batch was prepared from, reads it as recorded and applies the edits), then validates the
 * file with the batch's mapping and country, as "Continue" on the mapping screen would.
 */
export async function openBatchWithSource(
  api: BatchlineApi,
  pending: PendingBatch,
  file: File,
  readBase64: (file: File) => Promise<string>,
): Promise<Result<OpenedWithSource>> {
  const data = await readChosenFile(file, readBase64);
  if (!data.ok) {
    return data;
  }
  const opened = await api.batch.open({
    batchText: pending.text,
    fileName: file.name || pending.batch.source.fileName,
    dataBase64: data.value,
  });
  if (!opened.ok) {
    return opened;
  }
  const { preview, batch } = opened.value;
  const validation = await api.import.validate({
    target: batch.target,
    kind: batch.kind,
    fileId: preview.fileId,
    mapping: batch.mapping,
    ...(batch.country ? { country: batch.country } : {}),
  });
  return validation.ok
    ? { ok: true, value: { preview, batch, validation: validation.value } }
    : validation;
}

/** "Batch of Zoom Phone users prepared from hr.csv on 12 Nov 2025, 2 edits". */
export function describeBatch(batch: BatchFile, datasetLabel: string, day: string): string {
  const edits = batch.edits.length;
  return `Batch of ${datasetLabel} prepared from ${batch.source.fileName} on ${day}, ${edits.toLocaleString()} ${edits === 1 ? 'edit' : 'edits'}`;
}
