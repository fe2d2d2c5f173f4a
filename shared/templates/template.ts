import type { DatasetDef } from '../datasets/dataset';
import type { PlainTable } from '../results/results-table';

/**
 * A blank sheet for a dataset: the field keys as headers and one example row.
 *
 * The keys are the headers batchline maps exactly, and the example row is valid as written
 * (checked by the tests), so an admin can start from it and see the expected formats.
 */
export function templateTable(dataset: DatasetDef): PlainTable {
  return {
    headers: dataset.fields.map((field) => field.key),
    rows: [dataset.fields.map((field) => field.example)],
  };
}
