import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { zoomUsersExportTable } from '../../services/connectors/zoom/zoom-users-export';
import { listAllZoomUsers } from '../../services/connectors/zoom/zoom-client';
import { DEFAULT_BASE_URLS } from '../../services/connectors/push-adapters';
import { tableFormatOf, writeTableFile } from '../../services/files/write-table-file';
import { requiredOption, type ParsedCommand } from '../cli-args';
import type { CliIo } from '../cli-io';
import { authFromEnv, baseUrlOption } from '../cli-options';

/**
 * `batchline export`: what the target holds today, in exactly the column layout the
 * matching import reads, so the file can be edited and pushed back.
 */
export async function exportCommand(parsed: ParsedCommand, io: CliIo): Promise<number> {
  const out = requiredOption(parsed, 'out');
  tableFormatOf(out);
  if (!(parsed.target === 'zoom' && parsed.kind === 'users')) {
    throw new AppError(
      'USAGE',
      `Exporting --target ${parsed.target} --kind ${parsed.kind} is not supported by this version of batchline.`,
    );
  }
  const baseUrl = baseUrlOption(parsed, DEFAULT_BASE_URLS[parsed.target]);
  const auth = authFromEnv(parsed, io);
  const started = io.now();
  let requests = 0;
  const users = await listAllZoomUsers({ baseUrl, auth }, {}, async () => {
    requests += 1;
  });
  const table = zoomUsersExportTable(users);
  await writeTableFile(resolve(io.cwd, out), table.headers, table.rows, {
    sheetName: 'Zoom Phone users',
  });
  const summary = {
    target: parsed.target,
    kind: parsed.kind,
    total: users.length,
    out,
    requests,
    durationMs: io.now() - started,
  };
  io.stdout(
    parsed.values.json === true
      ? `${JSON.stringify(summary)}\n`
      : `exported ${users.length} users to ${out} (${requests} requests)\n`,
  );
  return 0;
}
