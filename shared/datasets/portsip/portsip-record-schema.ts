import { z } from 'zod';
import type { FieldWarning, MappedRecord } from '../dataset';
import type { RecordParse } from '../../validation/record-parser';

/** A row builder of the PortSIP datasets: the payload, or the problems found on its fields. */
export type PortsipRecordBuilder<P> = (record: MappedRecord) => RecordParse<P>;

/**
 * The zod schema of record around a hand-written builder, as the Zoom datasets do it: each
 * problem becomes a custom issue whose first path segment is the field key (so it lands on
 * the right column) and whose `params.code` is the problem's code.
 */
export function portsipRecordSchema<P>(build: PortsipRecordBuilder<P>): z.ZodType<P, MappedRecord> {
  return z
    .custom<MappedRecord>((value) => typeof value === 'object' && value !== null, {
      message: 'Expected a row',
    })
    .transform((record, ctx) => {
      const parsed = build(record);
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

/** Collects a problem; the builders return undefined once any was collected. */
export function fieldProblem(field: string, code: string, message: string): FieldWarning {
  return { field, code, message };
}
