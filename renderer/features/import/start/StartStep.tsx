import type { ExportFormat } from '../../../../shared/results/export-format';
import type { DatasetChoice } from '../datasets';
import { ExportButtons } from '../results/ExportButtons';
import { DatasetPicker } from './DatasetPicker';
import { DropZone } from './DropZone';

/** Props of {@link StartStep}. */
export interface StartStepProps {
  datasets: readonly DatasetChoice[];
  dataset: DatasetChoice;
  onSelectDataset: (id: string) => void;
  onFile: (file: File) => void;
  onDownloadTemplate: (format: ExportFormat) => void;
  busy: string | null;
}

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
}: StartStepProps) {
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
        <div className="template-box">
          <h2 className="section-title">Starting from scratch?</h2>
          <p className="muted">
            A template has every {dataset.targetLabel} {dataset.kindLabel.toLowerCase()} column with
            an example row.
          </p>
          <ExportButtons
            label="Download template"
            testId="download-template"
            disabled={busy !== null}
            hints={TEMPLATE_HINTS}
            onExport={onDownloadTemplate}
          />
        </div>
      </div>
      <DropZone onFile={onFile} busy={busy} />
    </section>
  );
}
