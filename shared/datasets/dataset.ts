import type { z } from 'zod';
import type { Kind, Target } from './targets';

/**
 * One column an import understands: what the API calls it, what a sheet may call it, and
 * whether a row is useless without it.
 */
export interface FieldDef {
  /** The API's field name; also the header batchline writes in templates and exports. */
  key: string;
  /** A short human label for the mapping screen. */
  label: string;
  required: boolean;
  /** Other headers that mean this field (HR-system names included), matched after normalising. */
  synonyms: readonly string[];
  /** The rule, in words an admin understands; shown in the mapping screen and column reference. */
  description: string;
  /** A valid example value, used in templates. */
  example: string;
  /**
   * The values an enum field offers, in the order a dropdown lists them (XLSX templates).
   * Other spellings the schema accepts (Y/N, true/false) stay valid; this is the suggestion.
   */
  choices?: readonly string[];
  /**
   * A password or PIN: sent to the target, never shown or written back. Results and
   * failed-rows sheets keep the column but leave its cells empty, the Runs page and the
   * review grid mask it, and a .batchline file does not save edits of it.
   */
  secret?: boolean;
}

/** A field key mapped to the raw cell text of one row; unmapped or empty fields are absent. */
export type MappedRecord = Record<string, string | undefined>;

/**
 * A note on one field of a row that did not stop it: a value batchline changed (a phone
 * number rewritten to E.164) or a choice it made (site_name ignored for site_code).
 */
export interface FieldWarning {
  field: string;
  /** A stable code, e.g. PHONE_NORMALISED. */
  code: string;
  message: string;
}

/**
 * A field whose values must be unique in the sheet.
 *
 * `normalise` gives the form compared (lowercased email, E.164 number); `split` cuts a cell
 * holding several values (a list of phone numbers) so each value is compared on its own.
 */
export interface UniqueField {
  key: string;
  normalise: (value: string) => string;
  split?: (value: string) => string[];
  /**
   * Another field whose value scopes the uniqueness: a number may appear once per workspace,
   * an extension once per group. Compared trimmed and lowercased; rows without it share a scope.
   */
  scope?: string;
  /** How a repeat is described (default "Duplicate <key> <value>"), e.g. "Second primary number". */
  describe?: (value: string) => string;
}

/** A problem that only shows when rows are looked at together (a workspace told to ADD and DELETE one number). */
export interface CrossRowProblem {
  row: number;
  field: string;
  code: string;
  message: string;
}

/**
 * Everything batchline knows about one target × dataset, written from specs/.
 *
 * `recordSchema` turns a mapped record of strings into the API payload of one item; each
 * zod issue's first path segment is a field key, so issues land on the right column.
 */
export interface DatasetDef<P = unknown> {
  target: Target;
  kind: Kind;
  title: string;
  fields: readonly FieldDef[];
  /** At most this many rows go in one API call. */
  batchSize: number;
  recordSchema: z.ZodType<P, MappedRecord>;
  /** Fields whose values must be unique in the sheet, with the normalisation used to compare. */
  uniqueFields: readonly UniqueField[];
  /**
   * The natural key of a payload item, used to reconcile answers and look things up.
   *
   * Method syntax on purpose: it keeps DatasetDef<ZoomUserPayload> assignable to the
   * registry's DatasetDef<unknown>.
   */
  identityOf(payload: P): string;
  /**
   * Warnings for a row that parsed: values rewritten or choices made. Called only after
   * recordSchema succeeded, with the record it parsed and the payload it produced.
   */
  warningsOf?(record: MappedRecord, payload: P): FieldWarning[];
  /**
   * Rows that share one API call must not pull in different directions: the key of the call a
   * payload belongs to (a Webex workspace id, a Zoom account id). Rows of different groups
   * never share a batch; absent, any rows may.
   */
  groupOf?(payload: P): string;
  /**
   * Checks across the valid rows beyond unique values, e.g. rows of one workspace that
   * disagree on a workspace-wide setting. Every row it names becomes invalid. A dataset with
   * this check is validated in memory (not by the streaming pipeline), so keep it for
   * datasets whose sheets are small.
   */
  crossRowCheck?(rows: readonly { row: number; payload: P }[]): CrossRowProblem[];
}
