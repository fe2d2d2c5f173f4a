import { AppError } from '../../../shared/errors';
import type { Pace } from '../push/push-adapter';
import type { AdapterOptions, TargetConnection } from './push-adapters';

/** What an export may be narrowed by, besides the connection. */
export interface ExportOptions extends AdapterOptions {
  /** Webex workspace numbers: the workspaces to read (the API has no "all workspaces" list here). */
  workspaceIds?: string[];
  /** The list API's own filters (`site_id`, `status`, PortSIP `filter`/`search`/`orderby`…). */
  filters?: Record<string, string>;
}

/** A table in exactly the column layout the matching import reads. */
export interface ExportTable {
  headers: string[];
  rows: string[][];
}

/** One target × dataset's export: reads everything, page by page, within the pace given. */
export interface Exporter {
  /** The sheet name of an XLSX export, e.g. "Zoom Phone users". */
  sheetName: string;
  read(pace: Pace): Promise<ExportTable>;
}

/** Builds an exporter; throws AppError('USAGE') for an unknown filter or a missing option. */
export type ExporterFactory = (connection: TargetConnection, options: ExportOptions) => Exporter;

/**
 * Refuses filters the list API does not take, naming the ones it does: a typo must not
 * silently export everything.
 */
export function checkFilters(
  filters: Record<string, string> | undefined,
  allowed: readonly string[],
  what: string,
): Record<string, string> {
  for (const name of Object.keys(filters ?? {})) {
    if (!allowed.includes(name)) {
      throw new AppError(
        'USAGE',
        `${what} cannot be filtered by "${name}"; use ${allowed.length > 0 ? allowed.join(', ') : 'no filter'}.`,
      );
    }
  }
  return filters ?? {};
}
