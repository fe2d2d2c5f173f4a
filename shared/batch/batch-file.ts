import { z } from 'zod';
import { CellEdit } from '../edits/cell-edit';
import { Kind, Mapping, Target } from '../datasets/targets';
import { Id } from '../ipc/contract-common';
import { Delimiter, TextEncoding } from '../ipc/import-views';
import type { Result } from '../result';

/** What every `.batchline` file says it is, and the one version this batchline writes. */
export const BATCH_FORMAT = 'batchline-batch';
export const BATCH_VERSION = 1;
/** The extension of a saved batch: `hr.csv` is saved as `hr.csv.batchline`. */
export const BATCH_EXTENSION = '.batchline';
/** Most edits a batch may hold, and the longest batch text main accepts (bounds for hostile input). */
export const MAX_BATCH_EDITS = 100_000;
export const MAX_BATCH_TEXT = 40_000_000;

/**
 * The source sheet a batch was prepared from: enough to check that the file chosen later is
 * the same bytes (size and sha256), and the read choices the admin forced (absent: detect).
 */
export const BatchSource = z
  .object({
    fileName: z.string().min(1).max(255),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
    encoding: TextEncoding.optional(),
    delimiter: Delimiter.optional(),
    headerRow: z.number().int().positive().max(1_000_000).optional(),
    sheet: z.string().min(1).max(255).optional(),
  })
  .strict();
export type BatchSource = z.infer<typeof BatchSource>;

/**
 * A prepared batch, as saved in a `.batchline` file (JSON): the source file's fingerprint,
 * the dataset and mapping, the admin's cell edits, and the connection by id only.
 *
 * Strict at every level, so a file carrying anything else (a token pasted in by hand) is
 * refused rather than carried along: a batch never holds a credential.
 */
export const BatchFile = z
  .object({
    format: z.literal(BATCH_FORMAT),
    version: z.literal(BATCH_VERSION),
    savedAt: z.iso.datetime({ offset: true }),
    target: Target,
    kind: Kind,
    source: BatchSource,
    mapping: Mapping,
    country: z.string().length(2).optional(),
    connectionId: Id.optional(),
    edits: z.array(CellEdit.strict()).max(MAX_BATCH_EDITS),
  })
  .strict();
export type BatchFile = z.infer<typeof BatchFile>;

/** What a batch is built from (main's record of the open file, and the admin's choices). */
export interface BatchInput {
  savedAt: Date;
  target: Target;
  kind: Kind;
  source: {
    fileName: string;
    size: number;
    sha256: string;
    encoding?: string;
    delimiter?: string;
    headerRow?: number;
    sheet?: string;
  };
  mapping: Mapping;
  country?: string;
  connectionId?: string;
  edits: readonly CellEdit[];
}

/**
 * Builds a batch from exactly the fields the format has, checked: whatever else the caller
 * holds (a connection's credential, a path on disk) cannot end up in the file.
 */
export function buildBatchFile(input: BatchInput): BatchFile {
  const { source } = input;
  return BatchFile.parse({
    format: BATCH_FORMAT,
    version: BATCH_VERSION,
    savedAt: input.savedAt.toISOString(),
    target: input.target,
    kind: input.kind,
    source: {
      fileName: source.fileName,
      size: source.size,
      sha256: source.sha256,
      ...(source.encoding === undefined ? {} : { encoding: source.encoding }),
      ...(source.delimiter === undefined ? {} : { delimiter: source.delimiter }),
      ...(source.headerRow === undefined ? {} : { headerRow: source.headerRow }),
      ...(source.sheet === undefined ? {} : { sheet: source.sheet }),
    },
    mapping: input.mapping,
    ...(input.country ? { country: input.country } : {}),
    ...(input.connectionId ? { connectionId: input.connectionId } : {}),
    edits: input.edits.map(({ row, column, from, to }) => ({ row, column, from, to })),
  });
}

/** The text of a `.batchline` file: indented JSON, so a reviewer can read and diff it. */
export function serializeBatchFile(batch: BatchFile): string {
  return `${JSON.stringify(batch, null, 2)}\n`;
}

/** The file name a batch of `sourceName` is saved as. */
export function batchFileName(sourceName: string): string {
  return `${sourceName}${BATCH_EXTENSION}`;
}

/** The day a batch was saved, as admins read it: "12 Nov 2025" (in this computer's time zone). */
export function batchDay(savedAt: string): string {
  return new Date(savedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** Whether a chosen file is a saved batch rather than a sheet (by its name). */
export function isBatchFileName(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(BATCH_EXTENSION);
}

/**
 * Reads a `.batchline` file's text, or says in the admin's words why it cannot be used:
 * not a batch at all, saved by a newer batchline, or damaged (naming the bad field).
 */
export function parseBatchFile(text: string, fileName: string): Result<BatchFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(`${fileName} is not a batchline batch file (it is not JSON).`);
  }
  if (!isRecord(json) || json.format !== BATCH_FORMAT) {
    return refuse(`${fileName} is not a batchline batch file.`);
  }
  const { version } = json;
  if (typeof version === 'number' && Number.isInteger(version) && version > BATCH_VERSION) {
    return refuse(
      `${fileName} was saved by a newer batchline (version ${version}); this one reads version ${BATCH_VERSION}. Update batchline to open it.`,
    );
  }
  const parsed = BatchFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(file)';
    return refuse(`${fileName} is damaged: ${where}: ${issue?.message ?? 'not valid'}.`);
  }
  return { ok: true, value: parsed.data };
}

function refuse(message: string): Result<never> {
  return { ok: false, error: { code: 'BATCH_INVALID', message, retryable: false } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
