import type { DatasetDef } from '../datasets/dataset';
import type { Mapping } from '../datasets/targets';
import { resolveHeaderIndex } from '../mapping/resolve-header';

/** A mapped field, the source header it is read from (as the file spells it) and its index. */
export interface MappedColumn {
  key: string;
  header: string;
  index: number;
}

/**
 * The dataset's fields that the mapping points at an existing column, in field order.
 *
 * A field mapped to nothing, to "" or to a header the file does not have is left out; its
 * rows then fail on it if it is required, with no column named.
 */
export function mappedColumns<P>(
  headers: readonly string[],
  dataset: DatasetDef<P>,
  mapping: Mapping,
): MappedColumn[] {
  const columns: MappedColumn[] = [];
  for (const field of dataset.fields) {
    const wanted = mapping[field.key];
    const index = wanted === undefined || wanted === '' ? -1 : resolveHeaderIndex(headers, wanted);
    if (index >= 0) {
      // Issues name the header as the file spells it, whatever the mapping wrote.
      columns.push({ key: field.key, header: headers[index] ?? wanted ?? '', index });
    }
  }
  return columns;
}
