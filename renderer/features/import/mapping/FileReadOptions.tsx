import { useId } from 'react';
import type { ImportPreview } from '../../../../shared/ipc/contract';
import type { ReadChoices } from '../wizard-state';
import { ReadOption as Option } from './ReadOption';
import { SheetSelect } from './SheetSelect';

type Encoding = NonNullable<ReadChoices['encoding']>;
type Delimiter = NonNullable<ReadChoices['delimiter']>;

const ENCODINGS: readonly { value: Encoding; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252 (Western European)' },
  { value: 'utf-16le', label: 'UTF-16 LE (Excel “Unicode Text”)' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
];
const DELIMITERS: readonly { value: Delimiter; label: string }[] = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];
const GUESSED_STYLE = { color: 'var(--warn)', borderColor: 'var(--warn-border)' };

/** Props of {@link FileReadOptions}. */
export interface FileReadOptionsProps {
  preview: ImportPreview;
  choices: ReadChoices;
  disabled: boolean;
  onReopen: (choices: ReadChoices) => void;
}

/**
 * How a file was read — the sheet of a workbook, the encoding and delimiter of a text file,
 * the header row of both — each a select showing what was detected, so a wrong guess is
 * fixed by choosing again (main reads the file anew).
 */
export function FileReadOptions(props: FileReadOptionsProps) {
  const { preview } = props;
  return (
    <div style={{ display: 'grid', gap: 10, marginTop: 14 }} data-testid="file-read-options">
      {preview.sheets ? <SheetSelect {...props} /> : null}
      {preview.format === 'csv' ? <TextOptions {...props} /> : null}
      <HeaderRowOption {...props} />
    </div>
  );
}

/**
 * Encoding and delimiter of a text file. A guessed encoding says so with a badge; characters
 * the encoding could not read are counted in a notice, since they would otherwise only show
 * as "�" in a few names.
 */
function TextOptions({ preview, choices, disabled, onReopen }: FileReadOptionsProps) {
  const encodingId = useId();
  const delimiterId = useId();
  const encoding = ENCODINGS.find((e) => e.value === preview.encoding);
  const badge = choices.encoding ? (
    <span className="badge" data-testid="encoding-badge">
      your choice
    </span>
  ) : preview.encodingGuessed ? (
    <span className="badge" style={GUESSED_STYLE} data-testid="encoding-badge">
      guessed
    </span>
  ) : null;
  return (
    <>
      <Option id={encodingId} label="Encoding" badge={badge}>
        <select
          id={encodingId}
          className="select"
          value={preview.encoding}
          disabled={disabled}
          onChange={(event) => {
            const picked = ENCODINGS.find((e) => e.value === event.target.value);
            if (picked) {
              onReopen({ ...choices, encoding: picked.value });
            }
          }}
          data-testid="encoding-select"
        >
          {ENCODINGS.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
        {preview.encodingGuessed && !choices.encoding ? (
          <p className="field-help">
            A guess: the file does not say. If names look wrong, choose another.
          </p>
        ) : null}
        {preview.undecodableChars ? (
          <p className="notice" role="status" data-testid="encoding-undecodable">
            {preview.undecodableChars === 1
              ? '1 character'
              : `${preview.undecodableChars} characters`}{' '}
            could not be read as {encoding?.label ?? preview.encoding} and show as “�”. Another
            encoding may fit this file.
          </p>
        ) : null}
      </Option>
      <Option id={delimiterId} label="Delimiter">
        <select
          id={delimiterId}
          className="select"
          value={preview.delimiter}
          disabled={disabled}
          onChange={(event) => {
            const picked = DELIMITERS.find((d) => d.value === event.target.value);
            if (picked) {
              onReopen({ ...choices, delimiter: picked.value });
            }
          }}
          data-testid="delimiter-select"
        >
          {DELIMITERS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </Option>
    </>
  );
}

/** The row the header is on (a line of a text file, a row of a sheet), among the first rows. */
function HeaderRowOption({ preview, choices, disabled, onReopen }: FileReadOptionsProps) {
  const headerId = useId();
  const firstRow = preview.headerChoices[0]?.row ?? preview.headerRow;
  const where = preview.sheet ? `of sheet “${preview.sheet}” ` : '';
  return (
    <Option id={headerId} label="Header is on">
      <select
        id={headerId}
        className="select"
        value={String(preview.headerRow)}
        disabled={disabled}
        title={headerTitle(preview)}
        onChange={(event) => onReopen({ ...choices, headerRow: Number(event.target.value) })}
        data-testid="header-row-select"
      >
        {preview.headerChoices.map((choice) => (
          <option key={choice.row} value={String(choice.row)}>
            Row {choice.row}: {choice.cells.join(' · ')}
          </option>
        ))}
      </select>
      {preview.headerRow > firstRow ? (
        <p className="field-help" data-testid="header-row-note">
          Rows {where}above row {preview.headerRow} (titles, notes) are not imported.
        </p>
      ) : null}
    </Option>
  );
}

/** The whole text of the chosen header row, for a select too narrow to show it. */
function headerTitle(preview: ImportPreview): string | undefined {
  return preview.headerChoices.find((c) => c.row === preview.headerRow)?.cells.join(' · ');
}
