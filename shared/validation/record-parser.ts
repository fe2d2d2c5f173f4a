import { z } from 'zod';
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

/**
 * The zod schema of record around a hand-written row parser: each problem becomes a custom
 * issue whose first path segment is the field key (so it lands on the right column) and whose
 * `params.code` is the problem's code. Every dataset built on a parser uses this one wrapper.
 */
export function parserSchema<P>(
  parse: (record: MappedRecord) => RecordParse<P>,
): z.ZodType<P, MappedRecord> {
  return z
    .custom<MappedRecord>((value) => typeof value === 'object' && value !== null, {
      message: 'Expected a row',
    })
    .transform((record, ctx) => {
      const parsed = parse(record);
      if (!parsed.success) {
        for (const problem of parsed.problems) {
          ctx.addIssue({
            code: 'custom',
            path: [problem.field],
            message: problem.message,
            params: { code: problem.code },
          });
        }
        return z.NEVER;
      }
      return parsed.data;
    });
}

/**
 * A row parser from a builder that collects problems and returns undefined when it found any:
 * the shape every dataset builder has.
 */
export function parserOf<P>(
  build: (record: MappedRecord, problems: FieldWarning[]) => P | undefined,
): (record: MappedRecord) => RecordParse<P> {
  return (record) => {
    const problems: FieldWarning[] = [];
    const payload = build(record, problems);
    return payload === undefined ? { success: false, problems } : { success: true, data: payload };
  };
}
