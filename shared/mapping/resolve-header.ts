import { normaliseHeader } from './normalise-header';

/**
 * The column a mapping's header text points at, or -1.
 *
 * Exact text first; failing that, the one header equal after normalising, so a hand-written
 * --map file saying "Work Email" still finds "Work Email " or "work email". Ambiguous
 * normalised matches give -1: DUPLICATE_HEADER already blocks those files.
 */
export function resolveHeaderIndex(headers: readonly string[], header: string): number {
  const exact = headers.indexOf(header);
  if (exact >= 0) {
    return exact;
  }
  const wanted = normaliseHeader(header);
  if (wanted === '') {
    return -1;
  }
  let found = -1;
  for (let i = 0; i < headers.length; i++) {
    if (normaliseHeader(headers[i] ?? '') === wanted) {
      if (found >= 0) {
        return -1;
      }
      found = i;
    }
  }
  return found;
}
