import type { FieldWarning, MappedRecord } from '../dataset';
import type { RecordParse } from '../../validation/record-parser';

/** A row builder of the PortSIP datasets: the payload, or the problems found on its fields. */
export type PortsipRecordBuilder<P> = (record: MappedRecord) => RecordParse<P>;

/** Collects a problem; the builders return undefined once any was collected. */
export function fieldProblem(field: string, code: string, message: string): FieldWarning {
  return { field, code, message };
}
