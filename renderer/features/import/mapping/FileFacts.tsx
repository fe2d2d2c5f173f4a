import type { ImportPreview } from '../../../../shared/ipc/contract';
import { countOf } from '../../../app/format';
import type { ReadChoices } from '../wizard-state';
import { FileReadOptions } from './FileReadOptions';

/** Props of {@link FileFacts}. */
export interface FileFactsProps {
  preview: ImportPreview;
  choices: ReadChoices;
  /** Busy text while main works; the read options wait meanwhile. */
  busy: string | null;
  onReopen: (choices: ReadChoices) => void;
}

/**
 * What batchline found when it read the file: rows, skipped blank rows, reading problems,
 * and how it was read (the sheet of a workbook, the encoding and delimiter of a text file,
 * the header row), each changeable, so a wrong guess is visible and fixed before mapping.
 */
export function FileFacts({ preview, choices, busy, onReopen }: FileFactsProps) {
  const readErrors = preview.readIssues.filter((issue) => issue.severity === 'error').length;
  const readWarnings = preview.readIssues.length - readErrors;
  return (
    <section className="panel" aria-labelledby="file-facts-title" data-testid="file-facts">
      <h2 id="file-facts-title" className="section-title">
        File
      </h2>
      <p className="file-name" title={preview.fileName}>
        {preview.fileName}
      </p>
      <dl className="facts" style={{ gridTemplateColumns: 'auto 1fr auto 1fr' }}>
        <dt>Data rows</dt>
        <dd data-testid="fact-rows">{preview.rowCount.toLocaleString()}</dd>
        <dt>Columns</dt>
        <dd>{preview.headers.length}</dd>
        <dt>Format</dt>
        <dd>{preview.format.toUpperCase()}</dd>
        {preview.headerChoices.length === 0 ? (
          <>
            <dt>Header row</dt>
            <dd data-testid="fact-header-row">{preview.headerRow}</dd>
          </>
        ) : null}
        <dt>Blank rows skipped</dt>
        <dd>{preview.skippedEmpty.toLocaleString()}</dd>
      </dl>
      <FileReadOptions
        preview={preview}
        choices={choices}
        disabled={busy !== null}
        onReopen={onReopen}
      />
      {busy ? (
        <p className="muted" role="status">
          {busy}
        </p>
      ) : null}
      {preview.readIssues.length > 0 ? (
        <p className="muted">
          Reading found{' '}
          {[
            readErrors > 0 ? countOf(readErrors, 'row error') : '',
            readWarnings > 0 ? countOf(readWarnings, 'warning') : '',
          ]
            .filter(Boolean)
            .join(' and ')}
          ; you will see them on the next screen.
        </p>
      ) : null}
    </section>
  );
}
