import Papa from 'papaparse';
import { findHeaderRow, HEADER_SCAN_ROWS, type HeaderHints } from '../table/find-header-row';
import { headerRowChoices, type HeaderRowChoice } from '../table/header-row-choices';
import { unneutraliseFormula } from './formula-escape';
import { lineCounter } from './parse-csv';

export type { HeaderRowChoice };

/** The header row detection picked, and the rows the admin may pick instead. */
export interface HeaderRowDetection {
  /** The 1-based line of the header, as parseCsv numbers it. */
  headerRow: number;
  /** The non-blank records among the first ones, in file order. */
  choices: HeaderRowChoice[];
}

/**
 * Which line of a CSV text holds the header, decided exactly as {@link parseCsv} decides it
 * (same first records, same {@link findHeaderRow}), plus the candidate rows for a
 * "Header is on row N" choice. Reads only the first records, so it is cheap on big files.
 */
export function detectCsvHeaderRow(
  text: string,
  delimiter: string,
  hints?: HeaderHints,
): HeaderRowDetection {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineAt = lineCounter(body);
  const records: { line: number; cells: string[] }[] = [];
  let start = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    preview: HEADER_SCAN_ROWS,
    step: (result) => {
      const recordStart = start;
      start = result.meta.cursor;
      if (recordStart < body.length) {
        // The same cells parseCsv gives findHeaderRow, so both pick the same row.
        const cells = result.data.map((cell) => unneutraliseFormula(cell));
        records.push({ line: lineAt(recordStart), cells });
      }
    },
  });
  const index = findHeaderRow(
    records.map((record) => record.cells),
    hints,
  );
  const choices = headerRowChoices(records.map(({ line, cells }) => ({ row: line, cells })));
  return { headerRow: records[index]?.line ?? 1, choices };
}
