/**
 * Whether a cell would be read as a formula by Excel, LibreOffice or Google Sheets.
 *
 * OWASP's CSV-injection list: = + - @ and the TAB and CR that some importers skip before
 * looking for one of those.
 */
export function isFormulaLike(value: string): boolean {
  const c = value.charCodeAt(0);
  // = + - @ \t \r
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/**
 * Neutralises a cell for CSV export by prefixing an apostrophe when it is formula-like.
 *
 * Applied to every formula-like cell, multi-line values included (papaparse's escapeFormulae
 * misses those), and to phone numbers like +14155550100 too: uniform, so nothing slips by.
 * A value that already starts with apostrophes before a formula character gets one more,
 * so that {@link unneutraliseFormula} gives it back unchanged.
 */
export function neutraliseFormula(value: string): string {
  return isFormulaLike(afterApostrophes(value)) ? `'${value}` : value;
}

/**
 * Undoes {@link neutraliseFormula} on import, so results and failed-rows files round-trip.
 *
 * Removes one apostrophe, and only from a value whose apostrophes lead to a formula
 * character; any other apostrophe (O'Brien, 'hello) is data.
 */
export function unneutraliseFormula(value: string): string {
  return value.charCodeAt(0) === 39 && isFormulaLike(afterApostrophes(value))
    ? value.slice(1)
    : value;
}

function afterApostrophes(value: string): string {
  let i = 0;
  while (value.charCodeAt(i) === 39) {
    i++;
  }
  return i === 0 ? value : value.slice(i);
}
