import { listDatasets } from '../../shared/datasets/registry';
import type { DatasetCapability } from '../../shared/ipc/contract';
import { canExport } from '../services/connectors/exporters';
import { canPush } from '../services/connectors/push-adapters';

/**
 * Every dataset this version knows, with whether it can be pushed and exported: the app
 * offers exactly these, so a dataset appears on screen the day its connector lands.
 */
export function datasetCapabilities(): DatasetCapability[] {
  return listDatasets().map(({ target, kind, title }) => ({
    target,
    kind,
    title,
    push: canPush(target, kind),
    export: canExport(target, kind),
  }));
}
