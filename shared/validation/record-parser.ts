import type { DatasetDef, FieldWarning, MappedRecord } from '../datasets/dataset';

/** What {@link RecordParser.parseRecord} gives: the payload, or the field problems. */
export type RecordParse<P> =
  { success: true; data: P } | { success: false; problems: FieldWarning[] };

/**
 * A dataset whose `recordSchema` is a zod wrapper (z.custom().transform()) around a
 * hand-written builder can also offer the builder itself. Zod stays the schema of record;
 * calling the builder directly gives the same payload, and problems that become the same
 * RowIssues as the schema's custom issues (code from params, message as is, on the field),
 * without zod's per-parse machinery, which here cost as much as the checks (1.8 µs a row).
 * test/unit/shared/validation checks the two agree on a large random corpus.
 */
export interface RecordParser<P> {
  parseRecord(record: MappedRecord): RecordParse<P>;
}

/** The dataset's direct record parser, if it offers one. */
export function recordParserOf<P>(
  dataset: DatasetDef<P>,
): RecordParser<P>['parseRecord'] | undefined {
  const parser = (dataset as DatasetDef<P> & Partial<RecordParser<P>>).parseRecord;
  return typeof parser === 'function' ? parser : undefined;
}
