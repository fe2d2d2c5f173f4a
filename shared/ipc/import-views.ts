import { z } from 'zod';
import { RowIssue } from '../table/row-issue';
import { SUPPORTED_ENCODINGS } from '../csv/detect-encoding';
import { CANDIDATE_DELIMITERS } from '../csv/detect-delimiter';
import { Mapping } from '../datasets/targets';
import { ValidationCounts } from '../jobs/run-types';
import { CountryCode, Id } from './contract-common';

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
 * A worksheet of a workbook, as the Sheet select lists it: hidden sheets (Excel hides their
 * tabs) are read only when chosen. `rowEstimate` is the last row the sheet declares, title
 * and header rows included, when the workbook says so.
 */
export const SheetView = z.object({
  name: z.string(),
  state: z.enum(['visible', 'hidden', 'veryHidden']),
  rowEstimate: z.number().int().nonnegative().optional(),
});
export type SheetView = z.infer<typeof SheetView>;

/**
 * What main read from a file, and how: what the mapping screen shows. `encoding`,
 * `delimiter` and `headerRow` are what was used (detected, or forced through import:open);
 * `encodingGuessed` says the encoding was a guess worth checking, and `undecodableChars`
 * counts characters the encoding could not read (shown as U+FFFD). `suggestedMapping` is
 * the mapping to start from: the one remembered for these columns when `mappingSource` is
 * 'remembered', else the automatic one, which `automaticMapping` always holds;
 * `suggestedCountry` is the default country for phone numbers remembered with it.
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
  /** Rows the header may be moved to (the first non-blank rows of the file or sheet). */
  headerChoices: z.array(HeaderRowChoice),
  /** A workbook's worksheets in tab order, and the one read (chosen, or the default). */
  sheets: z.array(SheetView).optional(),
  sheet: z.string().optional(),
  headers: z.array(z.string()),
  rowCount: z.number().int().nonnegative(),
  skippedEmpty: z.number().int().nonnegative(),
  sampleRows: z.array(z.array(z.string())),
  readIssues: z.array(RowIssue),
  fields: z.array(FieldView),
  suggestedMapping: Mapping,
  automaticMapping: Mapping,
  mappingSource: z.enum(['remembered', 'automatic']),
  suggestedCountry: CountryCode.optional(),
  mappingIssues: z.array(MappingIssue),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ValidatedRowView = z.object({
  row: z.number().int().positive(),
  cells: z.array(z.string()),
  issues: z.array(RowIssue),
  /** The cells the admin edited: column index and the value the file had. */
  edited: z
    .array(z.object({ column: z.number().int().nonnegative(), from: z.string() }))
    .optional(),
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
  /** Cells the admin edited in the review grid that differ from the file now. */
  editedCells: z.number().int().nonnegative().optional(),
  /** Indexes of the columns holding passwords or PINs: rows carry SECRET_MASK there, never the value. */
  maskedColumns: z.array(z.number().int().nonnegative()).optional(),
});
export type ValidationView = z.infer<typeof ValidationView>;

/** Which rows a page counts through: all of them, or only those with an issue. */
export const RowFilter = z.enum(['all', 'problems']);
export type RowFilter = z.infer<typeof RowFilter>;

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
