import { readFile } from 'node:fs/promises';
import { parseCsv } from '../../shared/csv/parse-csv';

/** A results sheet's rows: source row number (2 = first data row) → [status, message]. */
export async function resultsOf(file: string): Promise<Map<number, [string, string]>> {
  const table = parseCsv(await readFile(file, 'utf8'), 'results.csv');
  const status = table.headers.indexOf('result_status');
  const message = table.headers.indexOf('result_message');
  return new Map(
    table.rows.map((row) => [row.row, [row.cells[status] ?? '', row.cells[message] ?? '']]),
  );
}
