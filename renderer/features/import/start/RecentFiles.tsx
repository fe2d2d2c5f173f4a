import { useId } from 'react';
import type { RecentFile } from '../../../../shared/ipc/contract';
import './recent-files.css';

/** Props of {@link RecentFiles}. */
export interface RecentFilesProps {
  files: readonly RecentFile[];
  onOpen: (id: string) => void;
  onClear: () => void;
  busy: string | null;
}

/** How many the Start step shows; File › Open Recent lists them all. */
export const RECENT_SHOWN = 5;

/**
 * The files opened lately (desktop app), most recent first: one button each, named by the
 * file and its folder. Nothing at all when there are none, as in browser mode.
 */
export function RecentFiles({ files, onOpen, onClear, busy }: RecentFilesProps) {
  const titleId = useId();
  if (files.length === 0) {
    return null;
  }
  return (
    <section className="recent-files" aria-labelledby={titleId} data-testid="recent-files">
      <div className="recent-files-header">
        <h2 className="section-title" id={titleId}>
          Recent files
        </h2>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={onClear}
          disabled={busy !== null}
          data-testid="recent-clear"
        >
          Clear
        </button>
      </div>
      <ul className="recent-files-list">
        {files.slice(0, RECENT_SHOWN).map((file) => (
          <li key={file.id}>
            <button
              type="button"
              className="recent-file"
              onClick={() => onOpen(file.id)}
              disabled={busy !== null}
              data-testid="recent-file"
              aria-label={`Open ${file.name}${file.folder ? ` from ${file.folder}` : ''}`}
            >
              <span className="recent-file-name">{file.name}</span>
              {file.folder ? <span className="recent-file-folder">{file.folder}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
