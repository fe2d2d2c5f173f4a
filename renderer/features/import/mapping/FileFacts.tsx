import type { ImportPreview } from '../../../../shared/ipc/contract';
import { countOf } from '../../../app/format';

const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  ',': 'Comma',
  ';': 'Semicolon',
  '\t': 'Tab',
  '|': 'Pipe',
};

/** Props of {@link FileFacts}. */
export interface FileFactsProps {
  preview: ImportPreview;
}

/**
 * What batchline found when it read the file: rows, encoding, delimiter, skipped blank rows,
 * and any reading problems, so a wrong guess is visible before mapping.
 */
export function FileFacts({ preview }: FileFactsProps) {
  const delimiter =
    preview.delimiter === undefined
      ? undefined
      : (DELIMITER_NAMES[preview.delimiter] ?? `"${preview.delimiter}"`);
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
      <dl className="facts">
        <dt>Data rows</dt>
        <dd data-testid="fact-rows">{preview.rowCount.toLocaleString()}</dd>
        <dt>Columns</dt>
        <dd>{preview.headers.length}</dd>
        <dt>Format</dt>
        <dd>{preview.format.toUpperCase()}</dd>
        {preview.encoding ? (
          <>
            <dt>Encoding</dt>
            <dd>{preview.encoding}</dd>
          </>
        ) : null}
        {delimiter ? (
          <>
            <dt>Delimiter</dt>
            <dd>{delimiter}</dd>
          </>
        ) : null}
        <dt>Empty rows skipped</dt>
        <dd>{preview.skippedEmpty.toLocaleString()}</dd>
      </dl>
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
