import { z } from 'zod';
import { SerializedAppError } from '../errors';
import { RowIssue } from '../table/row-issue';
import { Kind, Mapping, Target } from '../datasets/targets';
import { RunProgress, RunSummary, ValidationCounts, RowResult } from '../jobs/run-types';

/** Largest file the renderer may hand over (base64 of a 100 MB sheet). */
export const MAX_UPLOAD_BASE64 = 140_000_000;

const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);
const Dataset = { target: Target, kind: Kind };

/** A dataset field as the mapping screen shows it. */
export const FieldView = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  description: z.string(),
  example: z.string(),
});
export type FieldView = z.infer<typeof FieldView>;

/** A problem with the mapping as a whole: blocking when severity is error. */
export const MappingIssue = z.object({
  code: z.enum([
    'DUPLICATE_HEADER',
    'REQUIRED_UNMAPPED',
    'UNKNOWN_HEADER',
    'FIELD_MAPPED_TWICE',
    'EMPTY_HEADER',
  ]),
  message: z.string(),
  field: z.string().optional(),
  header: z.string().optional(),
  severity: z.enum(['error', 'warning']),
});
export type MappingIssue = z.infer<typeof MappingIssue>;

export const ConnectionView = z.object({
  id: Id,
  label: z.string(),
  target: Target,
  sandbox: z.boolean(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  connections: z.array(ConnectionView),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ImportPreview = z.object({
  fileId: Id,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  headers: z.array(z.string()),
  rowCount: z.number().int().nonnegative(),
  skippedEmpty: z.number().int().nonnegative(),
  sampleRows: z.array(z.array(z.string())),
  readIssues: z.array(RowIssue),
  fields: z.array(FieldView),
  suggestedMapping: Mapping,
  mappingIssues: z.array(MappingIssue),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ValidatedRowView = z.object({
  row: z.number().int().positive(),
  cells: z.array(z.string()),
  issues: z.array(RowIssue),
});
export type ValidatedRowView = z.infer<typeof ValidatedRowView>;

export const ValidationView = z.object({
  counts: ValidationCounts,
  headers: z.array(z.string()),
  mappingIssues: z.array(MappingIssue),
  rows: z.array(ValidatedRowView),
});
export type ValidationView = z.infer<typeof ValidationView>;

export const JobState = z.object({
  jobId: Id,
  /** stopped: ended early for a reason the admin can fix (token, daily limit, target down). */
  state: z.enum(['running', 'completed', 'stopped', 'failed', 'cancelled']),
  stopReason: z.string().optional(),
  progress: RunProgress,
  summary: RunSummary.optional(),
  results: z.array(RowResult).optional(),
  error: SerializedAppError.optional(),
});
export type JobState = z.infer<typeof JobState>;

export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/**
 * The one contract between renderer and main: every request channel with the zod schemas
 * of its argument and its reply. Main parses the argument before any handler runs.
 */
export const contract = {
  'app:info': { args: z.object({}).strict(), result: AppInfo },
  'files:template': { args: z.object(Dataset).strict(), result: ExportedFile },
  'import:open': {
    args: z
      .object({
        ...Dataset,
        fileName: z.string().min(1).max(255),
        dataBase64: z.string().max(MAX_UPLOAD_BASE64),
      })
      .strict(),
    result: ImportPreview,
  },
  'import:validate': {
    args: z
      .object({
        ...Dataset,
        fileId: Id,
        mapping: Mapping,
        country: z.string().length(2).optional(),
      })
      .strict(),
    result: ValidationView,
  },
  'jobs:start': {
    args: z
      .object({
        ...Dataset,
        fileId: Id,
        mapping: Mapping,
        country: z.string().length(2).optional(),
        connectionId: Id,
      })
      .strict(),
    result: z.object({ jobId: Id }),
  },
  'jobs:get': { args: z.object({ jobId: Id }).strict(), result: JobState },
  'jobs:cancel': {
    args: z.object({ jobId: Id }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  'results:export': {
    args: z.object({ jobId: Id, which: z.enum(['all', 'failed']) }).strict(),
    result: ExportedFile,
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.infer<Contract[C]['args']>;
export type ReplyOf<C extends Channel> = z.infer<Contract[C]['result']>;

/** Events main pushes to the renderer on the `jobs:event` channel; always carry the jobId. */
export const JobEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), jobId: Id, progress: RunProgress }),
  z.object({ type: z.literal('completed'), jobId: Id, summary: RunSummary }),
  z.object({ type: z.literal('stopped'), jobId: Id, summary: RunSummary, reason: z.string() }),
  z.object({ type: z.literal('failed'), jobId: Id, error: SerializedAppError }),
  z.object({ type: z.literal('cancelled'), jobId: Id }),
]);
export type JobEvent = z.infer<typeof JobEvent>;
