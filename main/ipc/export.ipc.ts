import { exportFileName } from '../../shared/results/export-format';
import { createExporter } from '../services/connectors/exporters';
import type { ExportOptions } from '../services/connectors/exporter';
import { csvDownload, xlsxDownload } from '../services/files/write-download';
import { tableSheets } from '../services/files/xlsx-writer/results-workbook';
import { RateLimiter } from '../services/push/rate-limiter';
import { EXPORT_BURST } from '../../shared/results/export-format';
import type { ConnectionRegistry } from '../app/connections';
import type { Handlers } from './router';

/**
 * The Export page: what a connection's target holds today, in exactly the column layout the
 * matching import reads, so the admin can edit it and import it back. Reads keep within the
 * connection's rate limit, like a push.
 */
export function exportHandlers(
  connections: ConnectionRegistry,
  now: () => Date = () => new Date(),
): Pick<Handlers, 'export:run'> {
  return {
    async 'export:run'({ target, kind, connectionId, format, workspaceIds, accountId, filters }) {
      const entry = connections.require(connectionId, target);
      // The connection's own options (a Webex org, a Zoom sub account) unless the page names one.
      const options: ExportOptions = {
        ...entry.options,
        ...(accountId ? { accountId } : {}),
        ...(workspaceIds && workspaceIds.length > 0 ? { workspaceIds } : {}),
        ...(filters && Object.keys(filters).length > 0 ? { filters } : {}),
      };
      // Built before anything is read: an unknown filter or a missing option costs no request.
      const exporter = createExporter(target, kind, entry.connection, options);
      const limiter = new RateLimiter(entry.maxRps, EXPORT_BURST);
      const table = await exporter.read(() => limiter.acquire());
      const fileName = exportFileName(target, kind, format, now());
      const file =
        format === 'csv'
          ? csvDownload(fileName, table.headers, table.rows)
          : await xlsxDownload(fileName, tableSheets(table, exporter.sheetName));
      return { ...file, rows: table.rows.length };
    },
  };
}
