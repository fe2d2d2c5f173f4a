import { z } from 'zod';
import { SerializedAppError } from '../errors';
import { RowIssue } from '../table/row-issue';
import { SUPPORTED_ENCODINGS } from '../csv/detect-encoding';
import { CANDIDATE_DELIMITERS } from '../csv/detect-delimiter';
import { Kind, Mapping, Target } from '../datasets/targets';
import { RunProgress, RunSummary, ValidationCounts, RowResult } from '../jobs/run-types';
import { ExportFormat } from '../results/export-format';

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
  /** What an admin needs to know to use it, e.g. the Sandbox's demo workspace ids. */
  note: z.string().optional(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

/**
 * A connection as the Connections page lists it: where it points and how it signs in, never
 * the credential itself. `authSaved` is false when main holds no credential for it (one
 * saved on another computer, or a keychain that changed): remove it and add it again.
 */
export const ConnectionDetail = ConnectionView.extend({
  baseUrl: z.string(),
  host: z.string(),
  authKind: z.enum(['bearer', 'zoom-oauth']),
  authSaved: z.boolean(),
  maxRps: z.number().positive(),
  /** PortSIP: the PBX's per-minute request quota the rate was derived from. */
  perMinute: z.number().int().positive().optional(),
  /** Zoom: the sub account pushes and exports act on by default. */
  accountId: z.string().optional(),
  /** Webex: the organisation (partner admins acting on a customer's org). */
  orgId: z.string().optional(),
});
export type ConnectionDetail = z.infer<typeof ConnectionDetail>;

const ConnectionText = z.string().trim().min(1).max(200);
/** What a new connection signs in with; kept by main in the keychain and never sent back. */
export const ConnectionSignIn = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer'), token: z.string().trim().min(1).max(8192) }).strict(),
  z
    .object({
      kind: z.literal('zoom-oauth'),
      accountId: ConnectionText,
      clientId: ConnectionText,
      clientSecret: z.string().trim().min(1).max(1000),
    })
    .strict(),
]);
export type ConnectionSignIn = z.infer<typeof ConnectionSignIn>;

/** A target × dataset this version knows, and what it can do with it. */
export const DatasetCapability = z.object({
  target: Target,
  kind: Kind,
  title: z.string(),
  push: z.boolean(),
  export: z.boolean(),
});
export type DatasetCapability = z.infer<typeof DatasetCapability>;

/**
 * Where connection credentials are kept: 'encrypted' on disk through the OS keychain
 * (Electron safeStorage), or 'session-only' in memory, with the reason the app shows.
 * `problem` says saved credentials could not be read at start. Never a credential itself.
 * (Named `keychain`, not "secret…": reply fields named like credentials are refused by
 * test/unit/shared/ipc/contract-no-secrets.test.ts.)
 */
export const KeychainStatus = z.object({
  mode: z.enum(['encrypted', 'session-only']),
  reason: z.string().optional(),
  problem: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  connections: z.array(ConnectionView),
  datasets: z.array(DatasetCapability),
  keychain: KeychainStatus,
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The encodings and delimiters an admin may force when reopening a text file. */
export const TextEncoding = z.enum(SUPPORTED_ENCODINGS);
export const Delimiter = z.enum(CANDIDATE_DELIMITERS);

/** A row the admin may choose as the header: its line in the file and its first cells. */
export const HeaderRowChoice = z.object({
  row: z.number().int().positive(),
  cells: z.array(z.string()),
});
export type HeaderRowChoice = z.infer<typeof HeaderRowChoice>;

/**
 * What main read from a file, and how: what the mapping screen shows. `encoding`,
 * `delimiter` and `headerRow` are what was used (detected, or forced through import:open);
 * `encodingGuessed` says the encoding was a guess worth checking, and `undecodableChars`
 * counts characters the encoding could not read (shown as U+FFFD). `suggestedMapping` is
 * the mapping to start from: the one remembered for these columns when `mappingSource` is
 * 'remembered', else the automatic one, which `automaticMapping` always holds.
 */
export const ImportPreview = z.object({
  fileId: Id,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().optional(),
  encodingGuessed: z.boolean().optional(),
  undecodableChars: z.number().int().nonnegative().optional(),
  delimiter: z.string().optional(),
  /** The 1-based line (CSV) or row (XLSX) of the header; rows above it were skipped. */
  headerRow: z.number().int().positive(),
  /** Rows the header may be moved to; empty when it cannot be changed (XLSX for now). */
  headerChoices: z.array(HeaderRowChoice),
  headers: z.array(z.string()),
  rowCount: z.number().int().nonnegative(),
  skippedEmpty: z.number().int().nonnegative(),
  sampleRows: z.array(z.array(z.string())),
  readIssues: z.array(RowIssue),
  fields: z.array(FieldView),
  suggestedMapping: Mapping,
  automaticMapping: Mapping,
  mappingSource: z.enum(['remembered', 'automatic']),
  mappingIssues: z.array(MappingIssue),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ValidatedRowView = z.object({
  row: z.number().int().positive(),
  cells: z.array(z.string()),
  issues: z.array(RowIssue),
});
export type ValidatedRowView = z.infer<typeof ValidatedRowView>;

/**
 * What import:validate answers: the counts and the facts the review screen is laid out
 * with, never the rows. Main keeps the validation with the open file; the screen asks for
 * the rows it shows (import:rows), the problems (import:problems) and where a row is
 * (import:locate), a page at a time, so a million-row file never crosses the bridge whole.
 */
export const ValidationView = z.object({
  counts: ValidationCounts,
  headers: z.array(z.string()),
  mappingIssues: z.array(MappingIssue),
  /** Every data row of the file. */
  rowCount: z.number().int().nonnegative(),
  /** Rows with at least one issue (what "Only rows with problems" shows). */
  problemRowCount: z.number().int().nonnegative(),
  /** Issues over all rows (the problem list's length), and how many of them are errors. */
  problemCount: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  /** The largest source row number, for the width of the row-number column. */
  lastRow: z.number().int().nonnegative(),
  /** A width in px per source column, sized from a sample of the rows spread over the file. */
  columnWidths: z.array(z.number().int().positive()),
});
export type ValidationView = z.infer<typeof ValidationView>;

/** Which rows a page counts through: all of them, or only those with an issue. */
export const RowFilter = z.enum(['all', 'problems']);
export type RowFilter = z.infer<typeof RowFilter>;

/** Most rows or problems one page may hold. */
export const MAX_PAGE = 1000;
const PageArgs = {
  offset: z.number().int().nonnegative().max(100_000_000),
  limit: z.number().int().min(1).max(MAX_PAGE),
};

/** One line of the problem list: a row or cell issue and where it is. */
export const ProblemView = z.object({
  row: z.number().int().nonnegative(),
  column: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type ProblemView = z.infer<typeof ProblemView>;

/** What a push would do with one row, decided against the target (shared/plan/target-plan.ts). */
export const PlanAction = z.enum(['create', 'update', 'unchanged', 'conflict', 'invalid']);
export type PlanAction = z.infer<typeof PlanAction>;

/**
 * What import:plan answers: the counts of a push planned against the target's records now,
 * the requests it would make (as the CLI's dry run counts them) and how long they would take.
 * `offline`: the dataset cannot be compared, so every valid row is planned as a create.
 * `canUpdate`: whether the target can update an existing record from a sheet row.
 */
export const PlanView = z.object({
  summary: z.object({
    total: z.number().int().nonnegative(),
    create: z.number().int().nonnegative(),
    update: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    conflict: z.number().int().nonnegative(),
    invalid: z.number().int().nonnegative(),
    existing: z.number().int().nonnegative(),
    changeShare: z.number().min(0),
    needsConfirmation: z.boolean(),
  }),
  batches: z.number().int().nonnegative(),
  batchSize: z.number().int().positive(),
  etaSeconds: z.number().nonnegative(),
  maxRps: z.number().positive(),
  offline: z.boolean(),
  canUpdate: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

/** One planned row: its action, why, and the fields that differ from the target's record. */
export const PlannedRowView = z.object({
  row: z.number().int().positive(),
  action: PlanAction,
  message: z.string(),
  diff: z.array(z.object({ field: z.string(), sheet: z.string(), target: z.string() })),
});
export type PlannedRowView = z.infer<typeof PlannedRowView>;

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

/**
 * A file main made for the renderer to save (template, results): CSV travels as its text
 * (`encoding: 'utf8'`), XLSX as its bytes in base64 (`encoding: 'base64'`).
 */
export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** A past or running push, as the Runs page lists it (from the run folder, never a token). */
export const RunView = z.object({
  runId: z.string(),
  target: Target,
  kind: Kind,
  fileName: z.string(),
  createdAt: z.string(),
  /** interrupted: the journal says running but no process is pushing it (crash, app closed). */
  state: z.enum(['running', 'completed', 'stopped', 'cancelled', 'interrupted']),
  stopReason: z.string().optional(),
  summary: RunSummary.optional(),
  resumable: z.boolean(),
  /** Why a run that stopped cannot be resumed here, and where it can (a CLI run). */
  note: z.string().optional(),
  /** The live job pushing it in this app session, if any. */
  jobId: Id.optional(),
});
export type RunView = z.infer<typeof RunView>;

const RunId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * The one contract between renderer and main: every request channel with the zod schemas
 * of its argument and its reply. Main parses the argument before any handler runs.
 */
export const contract = {
  'app:info': { args: z.object({}).strict(), result: AppInfo },
  'files:template': {
    args: z.object({ ...Dataset, format: ExportFormat }).strict(),
    result: ExportedFile,
  },
  'import:open': {
    args: z
      .object({
        ...Dataset,
        fileName: z.string().min(1).max(255),
        dataBase64: z.string().max(MAX_UPLOAD_BASE64),
        // Overrides of what detection chose, when the admin reopens the file (text files).
        encoding: TextEncoding.optional(),
        delimiter: Delimiter.optional(),
        headerRow: z.number().int().positive().max(1_000_000).optional(),
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
  // The validated rows, a page at a time: `offset` counts through all rows or, with
  // only: 'problems', through the rows with an issue. `total` is how many there are.
  'import:rows': {
    args: z.object({ fileId: Id, ...PageArgs, only: RowFilter }).strict(),
    result: z.object({
      total: z.number().int().nonnegative(),
      rows: z.array(ValidatedRowView),
    }),
  },
  // Every issue, in row order, errors before warnings within a row; a page at a time.
  'import:problems': {
    args: z.object({ fileId: Id, ...PageArgs }).strict(),
    result: z.object({
      total: z.number().int().nonnegative(),
      items: z.array(ProblemView),
    }),
  },
  // Where source row `row` is among all rows or the problem rows: its index, or -1.
  'import:locate': {
    args: z
      .object({ fileId: Id, row: z.number().int().nonnegative().max(100_000_000), only: RowFilter })
      .strict(),
    result: z.object({ index: z.number().int().min(-1) }),
  },
  // One source column of every row (the results screen names rows by it): row numbers and
  // values, in row order.
  'import:column': {
    args: z.object({ fileId: Id, index: z.number().int().nonnegative().max(10_000) }).strict(),
    result: z.object({
      rows: z.array(z.number().int().positive()),
      values: z.array(z.string()),
    }),
  },
  // Plans a push of the open file against the connection's target (reads only, paced at
  // its rate); main keeps the plan with the file, replacing any earlier one.
  'import:plan': {
    args: z
      .object({
        ...Dataset,
        fileId: Id,
        mapping: Mapping,
        country: z.string().length(2).optional(),
        connectionId: Id,
        allowUpdates: z.boolean(),
      })
      .strict(),
    result: PlanView,
  },
  // The last plan's rows, a page at a time, all of them or those of one action.
  'import:planned': {
    args: z.object({ fileId: Id, ...PageArgs, action: PlanAction.optional() }).strict(),
    result: z.object({
      total: z.number().int().nonnegative(),
      rows: z.array(PlannedRowView),
    }),
  },
  'jobs:start': {
    args: z
      .object({
        ...Dataset,
        fileId: Id,
        mapping: Mapping,
        country: z.string().length(2).optional(),
        connectionId: Id,
        // Update records that exist with other values (default true), and the admin's
        // confirmation of a run that changes over 20% of them (default false).
        allowUpdates: z.boolean().optional(),
        confirmLarge: z.boolean().optional(),
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
    args: z.object({ jobId: Id, which: z.enum(['all', 'failed']), format: ExportFormat }).strict(),
    result: ExportedFile,
  },
  'export:run': {
    args: z
      .object({
        ...Dataset,
        connectionId: Id,
        format: ExportFormat,
        // Webex workspace numbers: the workspaces to read (the API lists numbers per workspace).
        workspaceIds: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
        // Zoom internal numbers: `me` or a sub account.
        accountId: z.string().trim().min(1).max(200).optional(),
        // The list API's own filters; unknown names are refused by the exporter, by name.
        filters: z.record(z.string().min(1).max(60), z.string().max(500)).optional(),
      })
      .strict(),
    result: ExportedFile.extend({ rows: z.number().int().nonnegative() }),
  },
  'runs:list': { args: z.object({}).strict(), result: z.object({ runs: z.array(RunView) }) },
  'runs:resume': { args: z.object({ runId: RunId }).strict(), result: z.object({ jobId: Id }) },
  'runs:export': {
    args: z.object({ runId: RunId, which: z.enum(['all', 'failed']) }).strict(),
    result: ExportedFile,
  },
  // The Connections page: every connection, the Sandbox ones included; never a credential.
  'connections:list': {
    args: z.object({}).strict(),
    result: z.object({ connections: z.array(ConnectionDetail) }),
  },
  // Adds a connection, or replaces a saved one (`id`). The credential goes to the keychain.
  // maxRps, or for PortSIP perMinute (its quota); the target's published rate by default.
  'connections:save': {
    args: z
      .object({
        id: Id.optional(),
        target: Target,
        label: z.string().trim().min(1).max(80),
        // Optional for Zoom and Webex (their public APIs); PortSIP has no default.
        baseUrl: z.string().trim().max(500).optional(),
        credential: ConnectionSignIn,
        maxRps: z.number().positive().max(1000).optional(),
        perMinute: z.number().int().positive().max(1_000_000).optional(),
        accountId: ConnectionText.optional(),
        orgId: ConnectionText.optional(),
      })
      .strict(),
    result: ConnectionDetail,
  },
  // One cheap authenticated read through the connector stack; a failure is an answer, not an error.
  'connections:test': {
    args: z.object({ id: Id }).strict(),
    result: z.object({
      ok: z.boolean(),
      message: z.string(),
      latencyMs: z.number().nonnegative(),
    }),
  },
  'connections:remove': {
    args: z.object({ id: Id }).strict(),
    result: z.object({ removed: z.boolean() }),
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
