import { batchDay } from '../../../../shared/batch/batch-file';
import type { DatasetChoice } from '../datasets';
import { DropZone } from '../start/DropZone';
import type { PendingBatch } from './batch-state';
import { describeBatch } from './open-batch';
import './batch.css';

/** Props of {@link BatchSourcePanel}. */
export interface BatchSourcePanelProps {
  pending: PendingBatch;
  dataset: DatasetChoice;
  busy: string | null;
  onSource: (file: File) => void;
  onCancel: () => void;
}

/**
 * The start screen once a `.batchline` file is chosen: what the batch is, and a drop zone
 * for the sheet it was prepared from (main checks it is the same file, unchanged).
 */
export function BatchSourcePanel({
  pending,
  dataset,
  busy,
  onSource,
  onCancel,
}: BatchSourcePanelProps) {
  const { batch } = pending;
  const source = batch.source.fileName;
  const label = `${dataset.targetLabel} ${dataset.kindLabel.toLowerCase()}`;
  return (
    <div className="batch-source" data-testid="batch-source">
      <div className="batch-source-head">
        <div>
          <p className="batch-source-lead" data-testid="batch-description">
            {describeBatch(batch, label, batchDay(batch.savedAt))} — choose{' '}
            <strong>{source}</strong> to continue.
          </p>
          <p className="muted batch-source-file">
            From {pending.name}. Nothing was sent when it was saved; nothing is sent until you press
            Push.
          </p>
        </div>
        <button
          type="button"
          className="btn"
          onClick={onCancel}
          disabled={busy !== null}
          data-testid="batch-cancel"
        >
          Choose another file
        </button>
      </div>
      <DropZone
        onFile={onSource}
        busy={busy}
        title={`Drop ${source} here or choose it`}
        hint="batchline checks that it is the file the batch was prepared from, unchanged."
      />
    </div>
  );
}
