import { csvChunks } from '../../../shared/csv/write-csv';
import { writeChunk, writeFileStreamAtomic } from './write-file-stream';

/**
 * Writes a table as a CSV file, streamed and atomic: UTF-8 with BOM, CRLF, formula-like cells
 * neutralised (see toCsv). Rows may be any iterable, so a generator keeps memory flat.
 */
export async function writeCsvFile(
  path: string,
  headers: readonly string[],
  rows: Iterable<readonly string[]>,
): Promise<void> {
  await writeFileStreamAtomic(path, async (out) => {
    for (const chunk of csvChunks(headers, rows)) {
      await writeChunk(out, chunk);
    }
  });
}
