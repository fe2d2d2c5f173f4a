import type { Kind, Target } from '../../../shared/datasets/targets';
import type { DatasetCapability, ExportInputs } from '../../../shared/ipc/contract';

export type { ExportInputs };

const NO_INPUTS: ExportInputs = { workspaceIds: false, accountId: false, filters: [] };

/**
 * The inputs the Export page shows for a target × dataset: what main's exporter declares
 * (app:info's datasets), so a filter an exporter takes is offered the day it lands. An older
 * main that declares nothing gets no extra boxes; its exporter still refuses what it lacks.
 */
export function exportInputsOf(
  capabilities: readonly DatasetCapability[],
  target: Target,
  kind: Kind,
): ExportInputs {
  const found = capabilities.find((c) => c.target === target && c.kind === kind);
  return found?.exportInputs ?? NO_INPUTS;
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
