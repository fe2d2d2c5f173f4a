import type { DatasetDef } from './dataset';
import { getDataset } from './registry';
import type { Kind, Mapping, Target } from './targets';
import { headerMatchKey } from '../mapping/normalise-header';
import { resolveHeaderIndex } from '../mapping/resolve-header';

/** Source columns holding passwords or PINs: their indexes and headers as the file spells them. */
export interface SecretColumns {
  indexes: ReadonlySet<number>;
  headers: readonly string[];
}

/** What a secret cell that holds something shows as: on the review grid and the Runs page. */
export const SECRET_MASK = '••••••';

/** No secret columns (a dataset without secret fields, or no dataset known). */
export const NO_SECRET_COLUMNS: SecretColumns = { indexes: new Set(), headers: [] };

/**
 * The source columns that hold a secret field's values (FieldDef.secret): each column the
 * mapping points a secret field at, plus, to be safe, any column whose header names a secret
 * field by its key or a synonym even though it is not mapped ("Password" left unmapped still
 * holds passwords). Pure: main, the CLI and the renderer all mask the same columns.
 */
export function secretColumns(
  dataset: Pick<DatasetDef, 'fields'>,
  mapping: Mapping | undefined,
  headers: readonly string[],
): SecretColumns {
  const secrets = dataset.fields.filter((field) => field.secret === true);
  if (secrets.length === 0) {
    return NO_SECRET_COLUMNS;
  }
  const indexes = new Set<number>();
  const names = new Set<string>();
  for (const field of secrets) {
    const wanted = mapping?.[field.key];
    const index = wanted ? resolveHeaderIndex(headers, wanted) : -1;
    if (index >= 0) {
      indexes.add(index);
    }
    for (const name of [field.key, ...field.synonyms]) {
      names.add(headerMatchKey(name));
    }
  }
  headers.forEach((header, i) => {
    const key = headerMatchKey(header);
    if (key !== '' && names.has(key)) {
      indexes.add(i);
    }
  });
  const sorted = [...indexes].sort((a, b) => a - b);
  return { indexes: new Set(sorted), headers: sorted.map((i) => headers[i] ?? '') };
}

/**
 * The cells of a row as the renderer may see them: a secret cell that holds something becomes
 * SECRET_MASK, an empty one stays empty (so "missing password" still shows).
 */
export function maskSecrets(
  cells: readonly string[],
  hidden: ReadonlySet<number> | undefined,
): string[] {
  if (!hidden || hidden.size === 0) {
    return [...cells];
  }
  return cells.map((cell, i) => (hidden.has(i) && cell !== '' ? SECRET_MASK : cell));
}

/**
 * The secret columns of a sheet imported as target/kind with this mapping (a run's manifest
 * knows all three). Unknown datasets have none.
 */
export function secretColumnsFor(
  target: Target,
  kind: Kind,
  mapping: Mapping | undefined,
  headers: readonly string[],
): SecretColumns {
  const dataset = getDataset(target, kind);
  return dataset ? secretColumns(dataset, mapping, headers) : NO_SECRET_COLUMNS;
}

/** Edits of a row (column index and the file's value) with the value of secret cells masked. */
export function maskEdits<E extends { column: number; from: string }>(
  edits: readonly E[],
  hidden: ReadonlySet<number> | undefined,
): E[] {
  return edits.map((edit) =>
    hidden?.has(edit.column) && edit.from !== '' ? { ...edit, from: SECRET_MASK } : edit,
  );
}
