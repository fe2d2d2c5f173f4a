import { AppError } from '../../../shared/errors';
import type { Kind, Target } from '../../../shared/datasets/targets';
import type { ExportOptions, Exporter, ExporterFactory } from './exporter';
import type { TargetConnection } from './push-adapters';
import { zoomUsersExporter } from './zoom/zoom-users-export';

// Keyed "target/kind", like the dataset registry. New exports add one line here.
const EXPORTERS: ReadonlyMap<string, ExporterFactory> = new Map<string, ExporterFactory>([
  ['zoom/users', zoomUsersExporter],
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
