import type { DatasetDef } from '../datasets/dataset';
import type { PlainTable } from '../results/results-table';

/**
 * The last sheet row an XLSX template prepares for input (dropdowns, text format): the header
 * is row 1, so 999 people. Past it the sheet still works, without the dropdowns.
 */
export const TEMPLATE_LAST_ROW = 1000;

/** The header of a template's "Columns" sheet. */
export const TEMPLATE_COLUMNS_HEADERS = [
  'column',
  'required',
  'rule',
  'example',
  'choices',
] as const;

/** A dropdown of a template: the column it sits in (0-based) and the values it offers. */
export interface TemplateChoice {
  column: number;
  choices: readonly string[];
}

/**
 * A blank sheet for a dataset: the field keys as headers and one example row.
 *
 * The keys are the headers batchline maps exactly, and the example row is valid as written
 * (checked by the tests), so an admin can start from it and see the expected formats.
 */
export function templateTable(dataset: DatasetDef): PlainTable {
  return {
    headers: dataset.fields.map((field) => field.key),
    rows: [dataset.fields.map((field) => field.example)],
  };
}

/**
 * The column reference of a template, one row per column in template order: its header,
 * "yes"/"no" for required, the rule in words, the example and the dropdown's choices.
 */
export function templateColumnsTable(dataset: DatasetDef): PlainTable {
  return {
    headers: [...TEMPLATE_COLUMNS_HEADERS],
    rows: dataset.fields.map((field) => [
      field.key,
      field.required ? 'yes' : 'no',
      field.description,
      field.example,
      (field.choices ?? []).join(', '),
    ]),
  };
}

/** The template's enum columns and their choices, for list validations in XLSX. */
export function templateChoices(dataset: DatasetDef): TemplateChoice[] {
  const out: TemplateChoice[] = [];
  dataset.fields.forEach((field, column) => {
    if (field.choices && field.choices.length > 0) {
      out.push({ column, choices: field.choices });
    }
  });
  return out;
}

/**
 * The note on a template's header cell: whether the column is required, then its rule.
 *
 * Shown when the admin points at the header in Excel, so the rule is where the typing is.
 */
export function templateHeaderNote(dataset: DatasetDef, column: number): string | undefined {
  const field = dataset.fields[column];
  if (!field) {
    return undefined;
  }
  return `${field.required ? 'Required' : 'Optional'}. ${field.description}`;
}
