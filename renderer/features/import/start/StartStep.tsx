import type { DatasetChoice } from '../datasets';
import { DatasetPicker } from './DatasetPicker';
import { DropZone } from './DropZone';

/** Props of {@link StartStep}. */
export interface StartStepProps {
  datasets: readonly DatasetChoice[];
  dataset: DatasetChoice;
  onSelectDataset: (id: string) => void;
  onFile: (file: File) => void;
  onDownloadTemplate: () => void;
  busy: string | null;
}

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
          <button
            type="button"
            className="btn"
            onClick={onDownloadTemplate}
            disabled={busy !== null}
            data-testid="download-template"
          >
            Download template (CSV)
          </button>
        </div>
      </div>
      <DropZone onFile={onFile} busy={busy} />
    </section>
  );
}
