import { z } from 'zod';
import { MAX_BATCH_TEXT } from '../batch/batch-file';
import { Kind, Mapping, Target } from '../datasets/targets';
import { ExportedFile } from './app-views';
import { FileCheck, Id, MAX_UPLOAD_BASE64 } from './contract-common';
import { ImportPreview } from './import-views';

/** What an opened batch holds, for the wizard to continue where the admin saved it. */
export const BatchSummary = z.object({
  target: Target,
  kind: Kind,
  mapping: Mapping,
  country: z.string().optional(),
  /** The connection it was prepared for; it may not exist on this computer. */
  connectionId: z.string().optional(),
  savedAt: z.string(),
  /** The source file's name as saved in the batch. */
  sourceFileName: z.string(),
  /** How many cell edits were applied. */
  edits: z.number().int().nonnegative(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

/** The channels of saving a prepared batch and opening it again (see contract.ts). */
export const batchChannels = {
  // The open file's prepared batch as a `.batchline` download: the source file's facts and
  // edits come from main's record of the file, the rest from the admin's screens.
  'batch:save': {
    args: z
      .object({
        ...FileCheck,
        connectionId: Id.optional(),
      })
      .strict(),
    // Edits of password and PIN columns are left out of the file; how many, for the UI to say.
    result: ExportedFile.extend({ maskedEditsLeftOut: z.number().int().nonnegative() }),
  },
  // Opens a saved batch with its source file (checked to be the same bytes), read with the
  // recorded choices and with the batch's edits applied; offline.
  'batch:open': {
    args: z
      .object({
        batchText: z.string().max(MAX_BATCH_TEXT),
        fileName: z.string().min(1).max(255),
        dataBase64: z.string().max(MAX_UPLOAD_BASE64),
      })
      .strict(),
    result: z.object({ preview: ImportPreview, batch: BatchSummary }),
  },
} as const;
