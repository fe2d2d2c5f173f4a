import { useId, useState, type ChangeEvent, type DragEvent } from 'react';

/** Props of {@link DropZone}. */
export interface DropZoneProps {
  onFile: (file: File) => void;
  /** Busy text ("Reading people.csv…"); the zone ignores new files meanwhile. */
  busy: string | null;
  /** Overrides for another use of the zone (a saved batch's source sheet); defaults below. */
  accept?: string;
  title?: string;
  hint?: string;
}

/** The file types the picker offers; main decides what it can really read. */
export const ACCEPT = '.csv,.tsv,.txt,.xlsx';
const TITLE = 'Drop a CSV here or choose a file';
const HINT = 'CSV, TSV, TXT or Excel (.xlsx), up to 100 MB. Nothing is sent until you press Push.';

/**
 * The big "drop a file or choose one" target of the start screen.
 *
 * A real file input sits inside the label, so clicking, Enter and Space open the picker
 * and screen readers announce it as a file chooser; dragging a file over highlights it.
 */
export function DropZone({
  onFile,
  busy,
  accept = ACCEPT,
  title = TITLE,
  hint = HINT,
}: DropZoneProps) {
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !busy) {
      onFile(file);
    }
  };
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    take(event.target.files);
    // Cleared so that choosing the same file again (after fixing it) still fires a change.
    event.target.value = '';
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    <div
      className={`dropzone ${dragging ? 'dropzone-active' : ''} ${busy ? 'dropzone-busy' : ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={accept}
        onChange={onChange}
        disabled={busy !== null}
        aria-describedby={hintId}
        data-testid="file-input"
      />
      <label htmlFor={inputId} className="dropzone-label">
        <svg
          className="dropzone-icon"
          viewBox="0 0 24 24"
          width="32"
          height="32"
          aria-hidden="true"
        >
          <path
            d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="dropzone-title">{busy ?? title}</span>
        <span id={hintId} className="dropzone-hint">
          {hint}
        </span>
        {busy ? null : <span className="btn btn-primary dropzone-button">Choose a file…</span>}
      </label>
    </div>
  );
}
