import { normaliseMac, splitList } from '../cell-values';

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

// The last MAC normalised: a row's MAC is normalised twice in a row, by the payload builder
// and by the duplicate check; one entry is all the reuse there is, and all it may hold.
let lastRawMac: string | undefined;
let lastMac: string | undefined;

/** normaliseMac, remembering the last answer (same result). */
export function macOf(value: string): string | undefined {
  if (value !== lastRawMac) {
    lastRawMac = value;
    lastMac = normaliseMac(value);
  }
  return lastMac;
}
