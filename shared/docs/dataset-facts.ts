import type { DatasetDef, MappedRecord } from '../datasets/dataset';

/**
 * The columns a function of a dataset's payload depends on (its identity, its batch group),
 * found by experiment rather than written down: parse the template's example row, change one
 * example value at a time, and see whether the answer moves. Written this way so the column
 * reference cannot drift from identityOf/groupOf when a dataset changes them.
 *
 * A column whose changed value no longer parses (an enum, a checksum) counts as not
 * affecting the answer; the identity columns of every dataset today are free text, numbers
 * or emails, which always survive the change.
 */
export function columnsAffecting(
  dataset: DatasetDef,
  answerOf: (payload: unknown) => string,
): string[] {
  const example = exampleRecord(dataset);
  const base = parse(dataset, example);
  if (base === undefined) {
    return [];
  }
  const before = answerOf(base);
  return dataset.fields
    .filter((field) => {
      const value = example[field.key];
      if (value === undefined) {
        return false;
      }
      const changed = parse(dataset, { ...example, [field.key]: variantOf(value) });
      return changed !== undefined && answerOf(changed) !== before;
    })
    .map((field) => field.key);
}

/** The template's example row, without the columns a template leaves empty. */
function exampleRecord(dataset: DatasetDef): MappedRecord {
  const record: MappedRecord = {};
  for (const field of dataset.fields) {
    if (field.example !== '') {
      record[field.key] = field.example;
    }
  }
  return record;
}

function parse(dataset: DatasetDef, record: MappedRecord): unknown {
  const result = dataset.recordSchema.safeParse(record);
  return result.success ? result.data : undefined;
}

/**
 * A value of the same shape that differs: its last digit bumped (extensions and numbers stay
 * numbers of the same length), else its first letter moved on (names and emails stay valid).
 */
export function variantOf(value: string): string {
  const digit = value.search(/\d(?!.*\d)/);
  if (digit >= 0) {
    const next = String((Number(value[digit]) + 1) % 10);
    return value.slice(0, digit) + next + value.slice(digit + 1);
  }
  const letter = value.search(/[a-z]/i);
  if (letter >= 0) {
    const code = value.charCodeAt(letter);
    // z steps back so the variant stays a letter of the same case.
    const next = String.fromCharCode(/[z]/i.test(value[letter] ?? '') ? code - 1 : code + 1);
    return value.slice(0, letter) + next + value.slice(letter + 1);
  }
  return `${value}1`;
}
