import type { Kind, Target } from '../../../shared/datasets/targets';

/** Which extra inputs an export of a dataset asks for. */
export interface ExportInputs {
  /** Webex workspace numbers: the API reads numbers one workspace at a time. */
  workspaceIds: boolean;
  /** Zoom internal numbers: `me` or a sub account. */
  accountId: boolean;
  /** The list API's own filters, with the names it takes (shown as a hint). */
  filters: readonly string[];
}

/** The inputs the Export page shows for a target × dataset. */
export function exportInputsOf(target: Target, kind: Kind): ExportInputs {
  if (target === 'webex') {
    return { workspaceIds: true, accountId: false, filters: [] };
  }
  if (target === 'zoom') {
    return kind === 'users'
      ? {
          workspaceIds: false,
          accountId: false,
          filters: ['site_id', 'calling_type', 'status', 'department', 'cost_center', 'keyword'],
        }
      : { workspaceIds: false, accountId: true, filters: [] };
  }
  return { workspaceIds: false, accountId: false, filters: ['filter', 'search', 'orderby'] };
}

/** Ids typed one per line or separated by commas or spaces, without blanks or repeats. */
export function parseIdList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/** Filters typed as NAME=VALUE, one per line: the same form as the CLI's --filter. */
export type ParsedFilters =
  { ok: true; filters: Record<string, string> } | { ok: false; message: string };

/** Parses the filters box; a line without "=" is named so the admin can fix it. */
export function parseFilters(text: string): ParsedFilters {
  const filters: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') {
      continue;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) {
      return {
        ok: false,
        message: `Filter line ${index + 1} "${line}" is not NAME=VALUE (e.g. status=activate).`,
      };
    }
    filters[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
  }
  return { ok: true, filters };
}
