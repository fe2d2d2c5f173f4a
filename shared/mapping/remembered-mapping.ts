import type { Mapping } from '../datasets/targets';
import { checkMapping, hasBlockingIssues, type MappableDataset } from './check-mapping';
import { resolveHeaderIndex } from './resolve-header';

/** Where the mapping a file opens with came from. */
export type MappingSource = 'remembered' | 'automatic';

/**
 * Fits a mapping the admin chose for an earlier file with the same columns to this file's
 * headers, or undefined when it no longer fits.
 *
 * Each header is found as resolveHeaderIndex finds it (exact, then normalised) and rewritten
 * to this file's spelling, so the renderer's selects show it. Entries for fields the dataset
 * has dropped are ignored. Any header the file lacks, or any blocking issue in the result
 * (a required field added since, duplicate headers), rejects the whole mapping: half of a
 * remembered mapping would be a surprise, the automatic one is not.
 */
export function fitRememberedMapping(
  headers: readonly string[],
  dataset: MappableDataset,
  remembered: Mapping,
): Mapping | undefined {
  const known = new Set(dataset.fields.map((field) => field.key));
  const fitted: Mapping = {};
  for (const [field, header] of Object.entries(remembered)) {
    if (!known.has(field) || header === '') {
      continue;
    }
    const column = resolveHeaderIndex(headers, header);
    const current = headers[column];
    if (current === undefined) {
      return undefined;
    }
    fitted[field] = current;
  }
  return hasBlockingIssues(checkMapping(headers, dataset, fitted)) ? undefined : fitted;
}
