import { resolve } from 'node:path';
import { templateTable } from '../../../shared/templates/template';
import { tableFormatOf, writeTableFile } from '../../services/files/write-table-file';
import { requiredOption, type ParsedCommand } from '../cli-args';
import type { CliIo } from '../cli-io';
import { datasetFor } from '../load-sheet';

/** `batchline template`: an empty sheet with the dataset's headers and one example row. */
export async function templateCommand(parsed: ParsedCommand, io: CliIo): Promise<number> {
  const out = requiredOption(parsed, 'out');
  tableFormatOf(out);
  const dataset = datasetFor(parsed.target, parsed.kind);
  const table = templateTable(dataset);
  await writeTableFile(resolve(io.cwd, out), table.headers, table.rows);
  io.stdout(
    `template for ${parsed.target} ${parsed.kind} written to ${out} (${table.headers.length} columns)\n`,
  );
  return 0;
}
