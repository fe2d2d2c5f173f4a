import { splitList } from '../cell-values';

/**
 * splitList with a fast path: a cell without any separator (nearly every cell) is one value,
 * trimmed, without running a RegExp split and allocating its pieces. Same result as
 * splitList(value, separators); `separators` must match one character and have no g flag.
 */
export function listOf(value: string, separators: RegExp): string[] {
  if (!separators.test(value)) {
    const trimmed = value.trim();
    return trimmed === '' ? [] : [trimmed];
  }
  return splitList(value, separators);
}
