import { normaliseHeader } from './normalise-header';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * A file's columns as a set: each header normalised (case, accents, NBSP, punctuation),
 * blanks dropped, sorted. Two exports of the same report give the same list even when a
 * column moved or "Work Email" became "work email ".
 */
export function normalisedHeaderSet(headers: readonly string[]): string[] {
  return headers
    .map(normaliseHeader)
    .filter((name) => name !== '')
    .sort();
}

/**
 * A short, stable key for a file's set of columns ({@link normalisedHeaderSet}), under which
 * the mapping chosen for those columns is remembered.
 *
 * FNV-1a 64 over the joined list: no crypto needed (shared/ runs in the renderer too), and
 * callers compare the stored list as well, so a collision can never apply a wrong mapping.
 */
export function headerSetKey(headers: readonly string[]): string {
  let hash = FNV_OFFSET;
  const text = normalisedHeaderSet(headers).join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return `h${hash.toString(16).padStart(16, '0')}`;
}
