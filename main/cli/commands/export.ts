import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { createExporter } from '../../services/connectors/exporters';
import type { ExportOptions } from '../../services/connectors/exporter';
import { DEFAULT_BASE_URLS, DEFAULT_MAX_RPS } from '../../services/connectors/push-adapters';
import { RateLimiter } from '../../services/push/rate-limiter';
import { EXPORT_BURST } from '../../../shared/results/export-format';
import { tableFormatOf, writeTableFile } from '../../services/files/write-table-file';
import { listOption, requiredOption, stringOption, type ParsedCommand } from '../cli-args';
import type { CliIo } from '../cli-io';
import { authFromEnv, baseUrlOption, maxRpsOption } from '../cli-options';

/** `--filter NAME=VALUE`, repeatable, into the list API's filters. */
function filtersOf(parsed: ParsedCommand): Record<string, string> {
  const filters: Record<string, string> = {};
  const raw = parsed.values.filter;
  for (const item of Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []) {
    const equals = item.indexOf('=');
    if (equals <= 0) {
      throw new AppError(
        'USAGE',
        `--filter "${item}" is not NAME=VALUE (e.g. --filter status=activate)`,
      );
    }
    filters[item.slice(0, equals).trim()] = item.slice(equals + 1).trim();
  }
  return filters;
}

function exportOptions(parsed: ParsedCommand): ExportOptions {
  const accountId = stringOption(parsed, 'account-id');
  const orgId = stringOption(parsed, 'org-id');
  const workspaceIds = listOption(parsed, 'workspace-id');
  const filters = filtersOf(parsed);
  return {
    ...(accountId ? { accountId } : {}),
    ...(orgId ? { orgId } : {}),
    ...(workspaceIds.length > 0 ? { workspaceIds } : {}),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
  };
}

/**
 * `batchline export`: what the target holds today, in exactly the column layout the
 * matching import reads, so the file can be edited and pushed back.
 */
export async function exportCommand(parsed: ParsedCommand, io: CliIo): Promise<number> {
  const out = requiredOption(parsed, 'out');
  tableFormatOf(out);
  const baseUrl = baseUrlOption(parsed, DEFAULT_BASE_URLS[parsed.target]);
  const maxRps = maxRpsOption(parsed, DEFAULT_MAX_RPS[parsed.target]);
  const auth = authFromEnv(parsed, io);
  // Built before anything is read: an unknown filter or a missing option costs no request.
  const exporter = createExporter(
    parsed.target,
    parsed.kind,
    { baseUrl, auth },
    exportOptions(parsed),
  );
  const started = io.now();
  let requests = 0;
  // Reads keep to the same published rate as a push: an export must not spend the tenant's
  // quota (or meet 429s) any faster than writing would.
  const limiter = new RateLimiter(maxRps, EXPORT_BURST);
  const table = await exporter.read(async () => {
    requests += 1;
    await limiter.acquire();
  });
  await writeTableFile(resolve(io.cwd, out), table.headers, table.rows, {
    sheetName: exporter.sheetName,
  });
  const summary = {
    target: parsed.target,
    kind: parsed.kind,
    total: table.rows.length,
    out,
    requests,
    durationMs: io.now() - started,
  };
  io.stdout(
    parsed.values.json === true
      ? `${JSON.stringify(summary)}\n`
      : `exported ${table.rows.length} rows of ${exporter.sheetName} to ${out} (${requests} requests)\n`,
  );
  return 0;
}
