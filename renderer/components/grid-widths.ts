/** Width of a row-number column that fits the largest row number it shows. */
export function rowNumberWidth(largestRow: number): number {
  return Math.max(56, String(largestRow).length * 8 + 24);
}
