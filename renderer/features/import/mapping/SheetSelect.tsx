import { useId } from 'react';
import type { ImportPreview } from '../../../../shared/ipc/contract';
import type { ReadChoices } from '../wizard-state';
import { ReadOption } from './ReadOption';
import { isHiddenSheet, sheetLabel } from './sheet-options';

/** Props of {@link SheetSelect}. */
export interface SheetSelectProps {
  preview: ImportPreview;
  choices: ReadChoices;
  disabled: boolean;
  onReopen: (choices: ReadChoices) => void;
}

/**
 * The worksheet of a workbook to import, every sheet in tab order with hidden ones labelled.
 * batchline reads the first visible sheet with data unless told otherwise; choosing another
 * reads the workbook again, its header row detected anew (the old one belonged to the other
 * sheet).
 */
export function SheetSelect({ preview, choices, disabled, onReopen }: SheetSelectProps) {
  const id = useId();
  const sheets = preview.sheets ?? [];
  const current = sheets.find((sheet) => sheet.name === preview.sheet);
  const hiddenCount = sheets.filter(isHiddenSheet).length;
  const badge = choices.sheet ? (
    <span className="badge" data-testid="sheet-badge">
      your choice
    </span>
  ) : null;
  return (
    <ReadOption id={id} label="Sheet" badge={badge}>
      <select
        id={id}
        className="select"
        value={preview.sheet}
        disabled={disabled}
        onChange={(event) => {
          const next: ReadChoices = { ...choices, sheet: event.target.value };
          delete next.headerRow;
          onReopen(next);
        }}
        data-testid="sheet-select"
      >
        {sheets.map((sheet) => (
          <option key={sheet.name} value={sheet.name}>
            {sheetLabel(sheet)}
          </option>
        ))}
      </select>
      {isHiddenSheet(current) ? (
        <p className="notice" role="status" data-testid="sheet-hidden-note">
          This sheet is hidden in Excel: check it holds the rows you mean to import.
        </p>
      ) : hiddenCount > 0 ? (
        <p className="field-help" data-testid="sheet-help">
          {hiddenCount === 1 ? '1 hidden sheet is' : `${hiddenCount} hidden sheets are`} read only
          if you choose {hiddenCount === 1 ? 'it' : 'one'}.
        </p>
      ) : null}
    </ReadOption>
  );
}
