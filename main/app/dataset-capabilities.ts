import { listDatasets } from '../../shared/datasets/registry';
import type { DatasetCapability } from '../../shared/ipc/contract';
import { canExport, exportInputsOf } from '../services/connectors/exporters';
import { canPush } from '../services/connectors/push-adapters';

/**
 * Every dataset this version knows, with whether it can be pushed and exported (and what
 * its export asks for and takes): the app offers exactly these, so a dataset appears on
 * screen the day its connector lands, its Export form as its exporter declares it.
 */
export function datasetCapabilities(): DatasetCapability[] {
  return listDatasets().map(({ target, kind, title }) => {
    const exportInputs = exportInputsOf(target, kind);
    return {
      target,
      kind,
      title,
      push: canPush(target, kind),
      export: canExport(target, kind),
      ...(exportInputs ? { exportInputs } : {}),
    };
  });
}
