import type { DatasetDef } from '../datasets/dataset';
import type { Mapping } from '../datasets/targets';
import type { MappingIssue } from '../ipc/contract';
import { checkMapping } from './check-mapping';
import { fieldNames } from './hr-synonyms';
import { headerMatchKey, normaliseHeader } from './normalise-header';

// Re-exported so callers find the whole mapping step in one module.
export { checkMapping, hasBlockingIssues } from './check-mapping';

/** A suggested mapping and what is still wrong with it. */
export interface SuggestedMapping {
  mapping: Mapping;
  issues: MappingIssue[];
}

// Lower wins: a header spelled as the field's key beats one spelled as its label or a synonym.
const RANK_KEY = 0;
const RANK_LABEL = 1;
const RANK_SYNONYM = 2;

/**
 * Maps a file's headers to a dataset's fields by name, then checks the result.
 *
 * Headers and the fields' keys, labels and synonyms (the dataset's own and the HR-export
 * names of {@link fieldNames}) are compared after normalising (case, accents, NBSP,
 * punctuation and spaces ignored). Each header feeds at most one field and
 * each field reads at most one header; when several headers fit a field, the best spelling
 * wins (key, then label, then synonym), then the leftmost column. Headers that fit nothing
 * stay unmapped, which is how results columns are ignored on re-import.
 */
export function suggestMapping(headers: readonly string[], dataset: DatasetDef): SuggestedMapping {
  const candidates = fieldCandidates(dataset);
  const matches: { column: number; field: string; rank: number }[] = [];
  headers.forEach((header, column) => {
    const hit = candidates.get(headerMatchKey(header));
    if (hit) {
      // Spelled exactly like the candidate beats matching only once spaces are dropped.
      const exact = normaliseHeader(header) === hit.spelling;
      matches.push({ column, field: hit.field, rank: hit.rank * 2 + (exact ? 0 : 1) });
    }
  });
  matches.sort((a, b) => a.rank - b.rank || a.column - b.column);

  const mapping: Mapping = {};
  const usedHeaders = new Set<string>();
  for (const { column, field } of matches) {
    const header = headers[column] ?? '';
    if (mapping[field] === undefined && !usedHeaders.has(header)) {
      mapping[field] = header;
      usedHeaders.add(header);
    }
  }
  return { mapping, issues: checkMapping(headers, dataset, mapping) };
}

interface Candidate {
  field: string;
  rank: number;
  /** The candidate text normalised with its spaces. */
  spelling: string;
}

/** Match key → the field it names, with the rank of its best spelling. */
function fieldCandidates(dataset: DatasetDef): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  const add = (text: string, field: string, rank: number): void => {
    const key = headerMatchKey(text);
    const existing = candidates.get(key);
    if (key !== '' && (!existing || rank < existing.rank)) {
      candidates.set(key, { field, rank, spelling: normaliseHeader(text) });
    }
  };
  for (const field of fieldNames(dataset).fields) {
    add(field.key, field.key, RANK_KEY);
    add(field.label, field.key, RANK_LABEL);
    for (const synonym of field.synonyms) {
      add(synonym, field.key, RANK_SYNONYM);
    }
  }
  return candidates;
}
