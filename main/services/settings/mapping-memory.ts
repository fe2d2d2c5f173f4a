import type { Kind, Mapping, Target } from '../../../shared/datasets/targets';
import { headerSetKey, normalisedHeaderSet } from '../../../shared/mapping/header-set-key';
import type { SettingsStore } from './settings-store';

/** A mapping recalled for a file's columns, and the default country used with it. */
export interface Recalled {
  mapping: Mapping;
  country?: string;
}

/**
 * Mappings the admin used, recalled for the next file with the same columns: the same HR
 * export next month gets the same mapping and the same default country for phone numbers.
 */
export interface MappingMemory {
  /** What was last used for these columns in this dataset, if any; not yet checked against them. */
  recall(target: Target, kind: Kind, headers: readonly string[]): Recalled | undefined;
  /** Keeps `mapping` (and `country`, if any) for these columns; resolves when it is on disk. */
  remember(
    target: Target,
    kind: Kind,
    headers: readonly string[],
    mapping: Mapping,
    country?: string,
  ): Promise<void>;
}

/** How many column sets are kept per dataset; the least recently used go first. */
export const REMEMBERED_PER_DATASET = 100;

/**
 * A {@link MappingMemory} kept in the settings store, under `target/kind` and the file's
 * header-set key. The stored column list is compared on recall too, so a hash collision
 * cannot hand one file another file's mapping.
 */
export function createMappingMemory(
  store: SettingsStore,
  limit = REMEMBERED_PER_DATASET,
  now: () => Date = () => new Date(),
): MappingMemory {
  return {
    recall(target, kind, headers) {
      const entry = store.get().rememberedMappings[`${target}/${kind}`]?.[headerSetKey(headers)];
      const names = normalisedHeaderSet(headers);
      const same =
        entry !== undefined &&
        entry.headers.length === names.length &&
        entry.headers.every((name, i) => name === names[i]);
      if (!same) {
        return undefined;
      }
      return {
        mapping: { ...entry.mapping },
        ...(entry.country ? { country: entry.country } : {}),
      };
    },

    remember(target, kind, headers, mapping, country) {
      const dataset = `${target}/${kind}`;
      const kept = Object.fromEntries(
        Object.entries(mapping).filter(([, header]) => header !== ''),
      );
      const entry = {
        headers: normalisedHeaderSet(headers),
        mapping: kept,
        ...(country ? { country } : {}),
        savedAt: now().toISOString(),
      };
      return store.update((settings) => {
        const entries = { ...settings.rememberedMappings[dataset], [headerSetKey(headers)]: entry };
        const newestFirst = Object.entries(entries).sort((a, b) =>
          b[1].savedAt.localeCompare(a[1].savedAt),
        );
        return {
          ...settings,
          rememberedMappings: {
            ...settings.rememberedMappings,
            [dataset]: Object.fromEntries(newestFirst.slice(0, limit)),
          },
        };
      });
    },
  };
}
