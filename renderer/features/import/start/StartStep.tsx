import type { ReactNode } from 'react';
import { BATCH_EXTENSION } from '../../../../shared/batch/batch-file';
import type { ExportFormat } from '../../../../shared/results/export-format';
import type { DatasetChoice } from '../datasets';
import { ExportButtons } from '../results/ExportButtons';
import { DatasetPicker } from './DatasetPicker';
import { ACCEPT, DropZone } from './DropZone';
import { RecentFiles } from './RecentFiles';
import type { DiskFiles } from './use-disk-files';

/** Props of {@link StartStep}. */
export interface StartStepProps {
  datasets: readonly DatasetChoice[];
  dataset: DatasetChoice;
  onSelectDataset: (id: string) => void;
  onFile: (file: File) => void;
  onDownloadTemplate: (format: ExportFormat) => void;
  busy: string | null;
  /** A saved batch waiting for its source sheet: shown instead of the drop zone. */
  batchPanel?: ReactNode;
  /** Files main opened from disk (desktop app: File › Open…), to open again. */
  disk?: Pick<DiskFiles, 'recent'> & {
    onOpenRecent: (id: string) => void;
    onClearRecent: () => void;
  };
}

const BATCH_HINT =
  'CSV, TSV, TXT or Excel (.xlsx), up to 100 MB, or a batch you saved (.batchline). Nothing is sent until you press Push.';

const TEMPLATE_HINTS = {
  csv: 'The columns and an example row, as UTF-8 CSV',
  xlsx: 'The columns and an example row in an Excel workbook: Yes/No dropdowns, text cells and a sheet describing every column',
} as const;

/**
 * Step 1: choose what to import, get a template if needed, and drop or choose the file.
 */
export function StartStep({
  datasets,
  dataset,
  onSelectDataset,
  onFile,
  onDownloadTemplate,
  busy,
  disk,
  batchPanel,
}: StartStepProps) {
  if (batchPanel) {
    // A saved batch brings its dataset: only the sheet it was prepared from is asked for.
    return (
      <section className="step" aria-labelledby="start-title">
        <header className="step-header">
          <h1 tabIndex={-1} id="start-title">
            Continue a saved batch
          </h1>
        </header>
        {batchPanel}
      </section>
    );
  }
  return (
    <section className="step" aria-labelledby="start-title">
      <header className="step-header">
        <h1 tabIndex={-1} id="start-title">
          Import from a spreadsheet
        </h1>
        <p className="step-lead">
          Open an HR export or a filled-in template. You will map its columns and see every problem
          before anything is sent.
        </p>
      </header>
      <div className="start-grid">
        <DatasetPicker datasets={datasets} selectedId={dataset.id} onSelect={onSelectDataset} />
        <div className="start-side">
          <div className="template-box">
            <h2 className="section-title">Starting from scratch?</h2>
            <p className="muted">
              A template has every {dataset.targetLabel} {dataset.kindLabel.toLowerCase()} column
              with an example row.
            </p>
            <ExportButtons
              label="Download template"
              testId="download-template"
              disabled={busy !== null}
              hints={TEMPLATE_HINTS}
              onExport={onDownloadTemplate}
            />
          </div>
          {disk ? (
            <RecentFiles
              files={disk.recent}
              onOpen={disk.onOpenRecent}
              onClear={disk.onClearRecent}
              busy={busy}
            />
          ) : null}
        </div>
      </div>
      {batchPanel ?? (
        <DropZone
          onFile={onFile}
          busy={busy}
          accept={`${ACCEPT},${BATCH_EXTENSION}`}
          hint={BATCH_HINT}
        />
      )}
    </section>
  );
}
