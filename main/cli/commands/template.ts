import { resolve } from 'node:path';
import { templateTable } from '../../../shared/templates/template';
import { tableFormatOf, writeTableFile } from '../../services/files/write-table-file';
import { writeXlsxFile } from '../../services/files/write-xlsx-file';
import { templateSheets } from '../../services/files/xlsx-writer/template-workbook';
import { requiredOption, type ParsedCommand } from '../cli-args';
import type { CliIo } from '../cli-io';
import { datasetFor } from '../load-sheet';

/**
 * `batchline template`: an empty sheet with the dataset's headers and one example row; as
 * .xlsx also dropdowns for enum columns and a "Columns" sheet with each column's rule.
 */
export async function templateCommand(parsed: ParsedCommand, io: CliIo): Promise<number> {
  const out = requiredOption(parsed, 'out');
  const format = tableFormatOf(out);
  const dataset = datasetFor(parsed.target, parsed.kind);
  const table = templateTable(dataset);
  const path = resolve(io.cwd, out);
  if (format === 'xlsx') {
    // XLSX adds what CSV cannot hold: dropdowns, column notes and the "Columns" sheet.
    await writeXlsxFile(path, templateSheets(dataset));
  } else {
    await writeTableFile(path, table.headers, table.rows);
  }
  io.stdout(
    `template for ${parsed.target} ${parsed.kind} written to ${out} (${table.headers.length} columns)\n`,
  );
  return 0;
}
