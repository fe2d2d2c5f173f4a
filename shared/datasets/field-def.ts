import type { FieldDef } from './dataset';

/** The dropdown of every Yes/No column; the schemas also take Y/N, TRUE/FALSE and 1/0. */
export const YES_NO_CHOICES: readonly string[] = ['Yes', 'No'];

/**
 * A column definition in the positional form the dataset field tables use, so a table of
 * thirty columns reads as thirty short calls. `choices` is left out when there are none.
 */
export function fieldDef(
  key: string,
  label: string,
  required: boolean,
  description: string,
  example: string,
  synonyms: readonly string[],
  choices?: readonly string[],
): FieldDef {
  return { key, label, required, description, example, synonyms, ...(choices ? { choices } : {}) };
}
