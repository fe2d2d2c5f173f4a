const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const MAC_SEPARATORS = /[:\-.\s]/g;
const MAC_HEX = /^[0-9a-f]{12}$/;

/**
 * Splits a cell holding several values; pieces are trimmed and empty ones dropped.
 *
 * `separators` is a regular expression matching one separator, e.g. /[;,\n]/.
 */
export function splitList(value: string, separators: RegExp): string[] {
  const out: string[] = [];
  for (const piece of value.split(separators)) {
    const trimmed = piece.trim();
    if (trimmed !== '') {
      out.push(trimmed);
    }
  }
  return out;
}

/**
 * Reads a yes/no cell: Yes/No, Y/N, true/false, 1/0 in any case; undefined for anything else.
 *
 * Excel's TRUE/FALSE land here too.
 */
export function parseYesNo(value: string): boolean | undefined {
  const lower = value.trim().toLowerCase();
  if (YES.has(lower)) {
    return true;
  }
  if (NO.has(lower)) {
    return false;
  }
  return undefined;
}

/**
 * A MAC address as 12 lowercase hex digits without separators, or undefined if it is not one.
 *
 * Accepts 00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5e, Cisco's 001a.2b3c.4d5e and bare hex. The bare
 * form is the first of the patterns Zoom's device API accepts, and one spelling per device
 * makes duplicates in the sheet easy to see.
 */
export function normaliseMac(value: string): string | undefined {
  const hex = value.replace(MAC_SEPARATORS, '').toLowerCase();
  return MAC_HEX.test(hex) ? hex : undefined;
}
