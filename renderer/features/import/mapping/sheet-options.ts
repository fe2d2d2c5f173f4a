import type { SheetView } from '../../../../shared/ipc/contract';

/**
 * How the Sheet select names a worksheet: its name, "(hidden)" or "(very hidden)" when Excel
 * hides its tab (such sheets are read only when chosen), and the last row it declares.
 */
export function sheetLabel(sheet: SheetView): string {
  const hidden =
    sheet.state === 'hidden' ? ' (hidden)' : sheet.state === 'veryHidden' ? ' (very hidden)' : '';
  // The sheet's last row, title and header rows included: not a count of data rows.
  const rows =
    sheet.rowEstimate === undefined || sheet.rowEstimate === 0
      ? ''
      : ` · up to row ${sheet.rowEstimate.toLocaleString('en-US')}`;
  return `${sheet.name}${hidden}${rows}`;
}

/** Whether a sheet's tab is hidden in Excel (hidden or very hidden). */
export function isHiddenSheet(sheet: SheetView | undefined): boolean {
  return sheet !== undefined && sheet.state !== 'visible';
}
