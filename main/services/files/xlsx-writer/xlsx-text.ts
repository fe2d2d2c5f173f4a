import type ExcelJS from 'exceljs';

// C0 controls XML cannot carry as they are: exceljs drops them, and XML readers turn a CR
// into a LF. TAB and LF travel fine.
const CONTROL = '\\u0000-\\u0008\\u000b-\\u001f';
const ESCAPE_TEST = new RegExp(`[${CONTROL}]|_(?=x[0-9a-fA-F]{4}_)`);
const ESCAPE_ALL = new RegExp(`[${CONTROL}]|_(?=x[0-9a-fA-F]{4}_)`, 'g');

/**
 * Encodes a cell's text the way Excel does in its own files: a control character (CR
 * included) becomes `_xHHHH_`, and an underscore that would start such an escape in the data
 * itself ("_x0041_") becomes `_x005F_`. Excel and exceljs decode both back, so a value like
 * "\rCarriage" or "line 1\r\nline 2" reads back exactly as it was written.
 */
export function escapeXlsxText(value: string): string {
  if (!ESCAPE_TEST.test(value)) {
    return value;
  }
  return value.replace(
    ESCAPE_ALL,
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/**
 * A cell value exceljs writes as `t="inlineStr"`: a one-run rich text.
 *
 * A plain JS string is written as `t="str"`, the type the format keeps for a formula's
 * cached text; a one-run inline string is a true string cell whose text reads back the same
 * (exceljs joins the runs; Excel shows it as plain text). Empty cells stay empty.
 */
export function inlineString(value: string): ExcelJS.CellRichTextValue | null {
  return value === '' ? null : { richText: [{ text: escapeXlsxText(value) }] };
}
