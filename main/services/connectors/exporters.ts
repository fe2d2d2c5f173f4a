import { AppError } from '../../../shared/errors';
import type { Kind, Target } from '../../../shared/datasets/targets';
import type { ExportOptions, Exporter, ExporterFactory } from './exporter';
import type { TargetConnection } from './push-adapters';
import { zoomUsersExporter } from './zoom/zoom-users-export';
import { portsipUsersExporter } from './portsip/portsip-users-export';
import { portsipRolesExporter } from './portsip/portsip-roles-export';
import { portsipGroupsExporter } from './portsip/portsip-groups-export';
import { portsipGroupMembersExporter } from './portsip/portsip-group-members-export';
import { zoomInternalNumbersExporter } from './zoom/zoom-internal-numbers-export';
import { webexWorkspaceNumbersExporter } from './webex/webex-workspace-numbers-export';

// Keyed "target/kind", like the dataset registry. New exports add one line here.
const EXPORTERS: ReadonlyMap<string, ExporterFactory> = new Map<string, ExporterFactory>([
  ['zoom/users', zoomUsersExporter],
  ['portsip/users', portsipUsersExporter],
  ['portsip/roles', portsipRolesExporter],
  ['portsip/groups', portsipGroupsExporter],
  ['portsip/group-members', portsipGroupMembersExporter],
  ['zoom/internal-numbers', zoomInternalNumbersExporter],
  ['webex/workspace-numbers', webexWorkspaceNumbersExporter],
]);

/** Whether this version can export a target × dataset. */
export function canExport(target: Target, kind: Kind): boolean {
  return EXPORTERS.has(`${target}/${kind}`);
}

/** The exporter for a target × dataset, or a clear refusal. */
export function createExporter(
  target: Target,
  kind: Kind,
  connection: TargetConnection,
  options: ExportOptions = {},
): Exporter {
  const factory = EXPORTERS.get(`${target}/${kind}`);
  if (!factory) {
    throw new AppError(
      'USAGE',
      `Exporting --target ${target} --kind ${kind} is not supported by this version of batchline.`,
    );
  }
  return factory(connection, options);
}
