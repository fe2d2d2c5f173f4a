import type { DatasetDef } from '../../../../shared/datasets/dataset';
import {
  TEMPLATE_LAST_ROW,
  templateChoices,
  templateColumnsTable,
  templateHeaderNote,
  templateTable,
} from '../../../../shared/templates/template';
import { safeSheetName } from './results-workbook';
import type { XlsxSheetSpec } from './xlsx-sheet';

/** The name of a template's column reference sheet. */
export const COLUMNS_SHEET = 'Columns';

/**
 * The sheets of an XLSX template: the dataset's sheet (headers with a note giving each
 * column's rule, one example row, dropdowns on enum columns down to row
 * {@link TEMPLATE_LAST_ROW}, text format so typed numbers stay as typed), then "Columns",
 * the column reference: column, required, rule, example, choices.
 */
export function templateSheets(dataset: DatasetDef): XlsxSheetSpec[] {
  const table = templateTable(dataset);
  const columns = templateColumnsTable(dataset);
  return [
    {
      name: safeSheetName(dataset.title),
      headers: table.headers,
      rows: table.rows,
      headerNotes: table.headers.map((_, column) => templateHeaderNote(dataset, column)),
      dropdowns: templateChoices(dataset).map(({ column, choices }) => ({
        column,
        choices,
        hint: dropdownHint(choices, dataset.fields[column]?.description),
      })),
      lastInputRow: TEMPLATE_LAST_ROW,
    },
    { name: COLUMNS_SHEET, headers: columns.headers, rows: columns.rows },
  ];
}

// Excel refuses a validation message past 225 characters.
const MAX_HINT = 225;

function dropdownHint(choices: readonly string[], description = ''): string {
  const hint = `Choose ${choices.join(' or ')}. ${description}`.trim();
  return hint.length > MAX_HINT ? `${hint.slice(0, MAX_HINT - 1)}…` : hint;
}
