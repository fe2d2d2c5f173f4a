import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AppError } from '../../../shared/errors';
import type { SourceTable } from '../../../shared/table/source-table';

/** The file in a run folder holding the rows as they were read, so a resume needs no upload. */
export const SOURCE_FILE = 'source.ndjson';

type SourceMeta = Omit<SourceTable, 'rows' | 'issues'> & { issues: SourceTable['issues'] };

/**
 * Saves the sheet a run pushes, exactly as read (cells as text, original row numbers): a
 * header line, then one `[row, ...cells]` line per data row, flushed to disk.
 *
 * Resume reads this instead of the original file, which may have moved or been edited.
 *
 * It keeps every cell, passwords and PINs included (FieldDef.secret): a resumed run must
 * still create the users it had not created, with their passwords. It is the one file of a
 * run that holds them: results.csv, failed-rows.csv, exports and the Runs page empty or mask
 * those columns (secretColumns). Do not copy it elsewhere, log it or send its cells to the
 * renderer as they are.
 */
export async function writeRunSource(path: string, table: SourceTable): Promise<void> {
  const { rows, ...meta } = table;
  const handle = await open(path, 'w');
  try {
    await handle.write(`${JSON.stringify(meta)}\n`);
    const chunk: string[] = [];
    for (const row of rows) {
      chunk.push(JSON.stringify([row.row, ...row.cells]));
      if (chunk.length === 2000) {
        await handle.write(`${chunk.join('\n')}\n`);
        chunk.length = 0;
      }
    }
    if (chunk.length > 0) {
      await handle.write(`${chunk.join('\n')}\n`);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads a run's saved sheet back; a damaged file is a clear error, not a guess. */
export async function readRunSource(path: string): Promise<SourceTable> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let meta: SourceMeta | undefined;
  const rows: SourceTable['rows'] = [];
  try {
    for await (const line of lines) {
      if (!line) {
        continue;
      }
      if (!meta) {
        meta = JSON.parse(line) as SourceMeta;
        continue;
      }
      const [row, ...cells] = JSON.parse(line) as [number, ...string[]];
      rows.push({ row, cells });
    }
  } catch (caught) {
    throw new AppError(
      'FILE_UNREADABLE',
      `The saved sheet of this run (${path}) is damaged: ${(caught as Error).message}`,
      {
        cause: caught,
      },
    );
  }
  if (!meta) {
    throw new AppError('FILE_UNREADABLE', `The saved sheet of this run (${path}) is empty.`);
  }
  return { ...meta, rows };
}
