import type { ColumnOp } from '../../../../shared/edits/column-transforms';
import type { EditScope, ValidatedRowView } from '../../../../shared/ipc/contract';
import { SECRET_MASK } from '../../../../shared/datasets/secret-columns';
import { countOf } from '../../../app/format';

/** The value the file had in column `column` of a row the admin edited there, else undefined. */
export function editedFrom(row: ValidatedRowView, column: number): string | undefined {
  return row.edited?.find((edit) => edit.column === column)?.from;
}

/** How a value the file had is written in a tooltip: quoted-free, "(empty)" for nothing. */
export function shownValue(value: string): string {
  return value === '' ? '(empty)' : value;
}

/**
 * What a cell shows: a password or PIN (a secret column) as SECRET_MASK when it holds
 * anything, never its value; other cells as they are.
 */
export function shownCell(value: string, secret: boolean): string {
  return secret && value !== '' ? SECRET_MASK : value;
}

/**
 * A source cell's tooltip: its problems, else its value (long cells are cut off in the
 * grid), then "Was: …" when the admin edited it. Undefined when there is nothing to say.
 */
export function editedCellTitle(
  messages: readonly string[],
  value: string | undefined,
  from: string | undefined,
): string | undefined {
  const lines = messages.length > 0 ? [...messages] : value ? [value] : [];
  if (from !== undefined) {
    lines.push(`Was: ${shownValue(from)}`);
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** The column tools, as their menu lists them. */
export const COLUMN_ACTIONS = [
  { kind: 'replace', label: 'Find and replace' },
  { kind: 'trim', label: 'Trim spaces' },
  { kind: 'fill', label: 'Fill cells' },
  { kind: 'e164', label: 'Phone numbers to E.164' },
] as const;
export type ColumnAction = (typeof COLUMN_ACTIONS)[number]['kind'];

/** What the Column tools form holds; every action's fields, so switching keeps them. */
export interface ColumnToolsForm {
  column: string;
  action: ColumnAction;
  find: string;
  replace: string;
  matchCase: boolean;
  wholeCell: boolean;
  fillValue: string;
  fillWhich: 'empty' | 'all';
  scope: EditScope;
}

/** A fresh form on `column`. */
export function initialToolsForm(column: string): ColumnToolsForm {
  return {
    column,
    action: 'replace',
    find: '',
    replace: '',
    matchCase: false,
    wholeCell: false,
    fillValue: '',
    fillWhich: 'empty',
    scope: 'all',
  };
}

/** The operation the form describes, or undefined while it is incomplete (nothing to find). */
export function opOf(form: ColumnToolsForm): ColumnOp | undefined {
  switch (form.action) {
    case 'replace':
      return form.find === ''
        ? undefined
        : {
            kind: 'replace',
            find: form.find,
            replace: form.replace,
            matchCase: form.matchCase,
            wholeCell: form.wholeCell,
          };
    case 'trim':
      return { kind: 'trim' };
    case 'fill':
      return { kind: 'fill', value: form.fillValue, which: form.fillWhich };
    case 'e164':
      return { kind: 'e164' };
  }
}

/** What a column tool did, in a sentence: "3 cells changed; 1 left as it was." */
export function outcomeText(
  result: { changed: number; left: number },
  action: ColumnAction,
): string {
  const changed =
    result.changed === 0 ? 'No cells changed' : `${countOf(result.changed, 'cell')} changed`;
  if (result.left === 0) {
    return `${changed}.`;
  }
  const why =
    action === 'e164' ? 'not a number batchline can repair with certainty' : 'could not be changed';
  return `${changed}; ${countOf(result.left, 'cell')} left as ${result.left === 1 ? 'it was' : 'they were'} (${why}).`;
}
