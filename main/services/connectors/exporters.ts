import { AppError } from '../../../shared/errors';
import type { Kind, Target } from '../../../shared/datasets/targets';
import type { ExportInputs } from '../../../shared/ipc/app-views';
import type { ExportOptions, Exporter, ExporterFactory } from './exporter';
import type { TargetConnection } from './push-adapters';
import { ZOOM_USER_FILTERS, zoomUsersExporter } from './zoom/zoom-users-export';
import { portsipUsersExporter } from './portsip/portsip-users-export';
import { portsipRolesExporter } from './portsip/portsip-roles-export';
import { portsipGroupsExporter } from './portsip/portsip-groups-export';
import {
  PORTSIP_GROUP_MEMBER_FILTERS,
  portsipGroupMembersExporter,
} from './portsip/portsip-group-members-export';
import { PORTSIP_LIST_FILTERS } from './portsip/portsip-read';
import { zoomInternalNumbersExporter } from './zoom/zoom-internal-numbers-export';
import { webexWorkspaceNumbersExporter } from './webex/webex-workspace-numbers-export';

/** An export: how to build it, and what it asks for and takes (the Export page's boxes). */
interface ExporterEntry {
  create: ExporterFactory;
  inputs: ExportInputs;
}

const entry = (
  create: ExporterFactory,
  inputs: { workspaceIds?: boolean; accountId?: boolean; filters?: readonly string[] } = {},
): ExporterEntry => ({
  create,
  inputs: {
    workspaceIds: inputs.workspaceIds ?? false,
    accountId: inputs.accountId ?? false,
    filters: [...(inputs.filters ?? [])],
  },
});

// Keyed "target/kind", like the dataset registry. New exports add one line here, with the
// filters their factory's checkFilters takes (the same constant, so the two cannot drift).
const EXPORTERS: ReadonlyMap<string, ExporterEntry> = new Map<string, ExporterEntry>([
  ['zoom/users', entry(zoomUsersExporter, { filters: ZOOM_USER_FILTERS })],
  ['portsip/users', entry(portsipUsersExporter, { filters: PORTSIP_LIST_FILTERS })],
  ['portsip/roles', entry(portsipRolesExporter, { filters: PORTSIP_LIST_FILTERS })],
  ['portsip/groups', entry(portsipGroupsExporter, { filters: PORTSIP_LIST_FILTERS })],
  [
    'portsip/group-members',
    entry(portsipGroupMembersExporter, { filters: PORTSIP_GROUP_MEMBER_FILTERS }),
  ],
  ['zoom/internal-numbers', entry(zoomInternalNumbersExporter, { accountId: true })],
  ['webex/workspace-numbers', entry(webexWorkspaceNumbersExporter, { workspaceIds: true })],
]);

/** Whether this version can export a target × dataset. */
export function canExport(target: Target, kind: Kind): boolean {
  return EXPORTERS.has(`${target}/${kind}`);
}

/** What an export of a target × dataset asks for and takes; undefined when it cannot export. */
export function exportInputsOf(target: Target, kind: Kind): ExportInputs | undefined {
  const inputs = EXPORTERS.get(`${target}/${kind}`)?.inputs;
  return inputs && { ...inputs, filters: [...inputs.filters] };
}

/** The exporter for a target × dataset, or a clear refusal. */
export function createExporter(
  target: Target,
  kind: Kind,
  connection: TargetConnection,
  options: ExportOptions = {},
): Exporter {
  const factory = EXPORTERS.get(`${target}/${kind}`)?.create;
  if (!factory) {
    throw new AppError(
      'USAGE',
      `Exporting --target ${target} --kind ${kind} is not supported by this version of batchline.`,
    );
  }
  return factory(connection, options);
}
