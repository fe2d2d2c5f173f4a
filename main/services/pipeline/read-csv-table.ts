import type { RowIssue } from '../../../shared/table/row-issue';
import type { SourceTable } from '../../../shared/table/source-table';
import { CELL_SEPARATOR } from '../../../shared/validation/packed-rows';
import type { ByteSource } from './byte-source';
import { wideTracker } from './compact-text';
import { PackedRow } from './packed-row';
import { streamCsv, type CsvReadOptions } from './stream-csv';

/** A CSV read by streaming, with what the File panel shows about its decoding. */
export interface StreamedTable {
  table: SourceTable;
  encodingGuessed: boolean;
  undecodableChars: number;
}

/**
 * Reads a whole CSV into a SourceTable by streaming it: the same table as decodeText +
 * parseCsv (headers, row numbers, issues, skipped rows), built without the decoded text of
 * the whole file and with each row's cells packed into one string ({@link PackedRow}), so
 * a 1M-row sheet kept for review fits in a few hundred MB.
 */
export async function readCsvTable(
  source: ByteSource,
  opts: CsvReadOptions = {},
  signal?: AbortSignal,
): Promise<StreamedTable> {
  const rows: PackedRow[] = [];
  const issues: RowIssue[] = [];
  const wide = wideTracker();
  const info = await streamCsv(
    source,
    opts,
    {
      issue: (issue) => issues.push(issue),
      row: (line, cells, rowIssues) => {
        rows.push(new PackedRow(line, wide.keep(cells.join(CELL_SEPARATOR))));
        if (rowIssues) {
          issues.push(...rowIssues);
        }
      },
      beforePiece: wide.piece,
      reset: () => {
        rows.length = 0;
        issues.length = 0;
      },
    },
    signal,
  );
  return {
    table: {
      fileName: source.name,
      format: 'csv',
      encoding: info.encoding,
      delimiter: info.delimiter,
      headerRow: info.headerRow,
      headers: info.headers,
      rows,
      issues,
      skippedEmpty: info.skippedEmpty,
    },
    encodingGuessed: info.encodingGuessed,
    undecodableChars: info.undecodableChars,
  };
}
