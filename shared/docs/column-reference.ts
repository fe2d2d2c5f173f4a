import type { DatasetDef, FieldDef, UniqueField } from '../datasets/dataset';
import { getDataset, listDatasets } from '../datasets/registry';
import { fieldNames } from '../mapping/hr-synonyms';
import { headerMatchKey } from '../mapping/normalise-header';
import { columnsAffecting } from './dataset-facts';

/** What the files say about themselves, so nobody edits them by hand. */
export const GENERATED_NOTE =
  '<!-- Generated from shared/datasets by `npm run docs:columns`; do not edit by hand. -->';

// The template examples are US numbers; the country only affects how they parse, not the text.
const EXAMPLE_COUNTRY = 'US';

const TABLE_HEADERS = [
  'column',
  'label',
  'required',
  'synonyms accepted',
  'rule',
  'example',
  'allowed values',
];

/** The reference's file name of a dataset: `<target>-<kind>.md`. */
export function columnReferenceName(dataset: Pick<DatasetDef, 'target' | 'kind'>): string {
  return `${dataset.target}-${dataset.kind}.md`;
}

/** Every file of docs/columns/, by name: one page per dataset and the README indexing them. */
export function columnReferenceFiles(): Map<string, string> {
  const datasets = listDatasets().map(({ target, kind }) => {
    const dataset = getDataset(target, kind, { defaultCountry: EXAMPLE_COUNTRY });
    if (!dataset) {
      throw new Error(`listDatasets() names ${target}/${kind} but getDataset() has none`);
    }
    return dataset;
  });
  const files = new Map<string, string>([['README.md', columnReferenceIndex(datasets)]]);
  for (const dataset of datasets) {
    files.set(columnReferenceName(dataset), datasetReference(dataset));
  }
  return files;
}

/** One dataset's page: title, what a row is and how rows are told apart, then every column. */
export function datasetReference(dataset: DatasetDef): string {
  const synonyms = fieldNames(dataset).fields;
  const rows = dataset.fields.map((field, i) => [
    code(field.key),
    field.label,
    field.required ? 'yes' : 'no',
    acceptedSynonyms(field, synonyms[i]?.synonyms ?? []).join(', '),
    field.description,
    field.example === '' ? '' : code(field.example),
    (field.choices ?? []).join(', '),
  ]);
  return [
    `# ${dataset.title}`,
    GENERATED_NOTE,
    `\`--target ${dataset.target} --kind ${dataset.kind}\``,
    summary(dataset),
    `Headers are matched to these columns by key, label or synonym, ignoring case, accents, spaces and punctuation ([how](README.md#how-headers-are-matched)).`,
    table(TABLE_HEADERS, rows),
  ].join('\n\n');
}

/** The paragraph of a dataset's page, every clause derived from its DatasetDef. */
function summary(dataset: DatasetDef): string {
  const sentences = [`One row is one ${singular(dataset.title)}.`];
  // Without groupOf every row answers '' and no column is found.
  const grouped = columnsAffecting(dataset, (p) => dataset.groupOf?.(p) ?? '');
  sentences.push(
    dataset.batchSize === 1
      ? 'batchline sends one row per API call.'
      : `batchline sends up to ${dataset.batchSize} rows in one API call` +
          (grouped.length > 0
            ? `; rows with different ${prose(grouped.map(code))} never share a call.`
            : '.'),
  );
  const identity = columnsAffecting(dataset, (p) => dataset.identityOf(p));
  if (identity.length > 0) {
    sentences.push(
      `It tells records apart by ${prose(identity.map(code))}: that is how it finds the ones that already exist and matches answers to rows.`,
    );
  }
  if (dataset.uniqueFields.length > 0) {
    sentences.push(`Unique in the sheet: ${prose(dataset.uniqueFields.map(uniqueText))}.`);
  }
  if (dataset.crossRowCheck) {
    sentences.push('Rows that belong together are also checked together before anything is sent.');
  }
  const required = dataset.fields.filter((f) => f.required).map((f) => f.key);
  sentences.push(`Required columns: ${list(required)}.`);
  return sentences.join(' ');
}

function uniqueText(unique: UniqueField): string {
  const what = unique.split ? `each value in ${code(unique.key)}` : code(unique.key);
  return unique.scope ? `${what} within one ${code(unique.scope)}` : what;
}

/** docs/columns/README.md: the datasets with their pages, and the header matching rules. */
function columnReferenceIndex(datasets: readonly DatasetDef[]): string {
  const rows = datasets.map((dataset) => [
    `[${dataset.title}](${columnReferenceName(dataset)})`,
    code(`--target ${dataset.target} --kind ${dataset.kind}`),
    String(dataset.fields.length),
    list(dataset.fields.filter((f) => f.required).map((f) => f.key)),
  ]);
  return [
    '# Column reference',
    GENERATED_NOTE,
    'The columns every dataset reads, as templates (`batchline template`) and exports (`batchline export`) write them. Generated from the dataset definitions, and checked in CI (`npm run docs:check`), so it matches the code.',
    table(['dataset', 'options', 'columns', 'required'], rows),
    '## How headers are matched',
    "A sheet's headers do not have to be the column keys. A header is matched to a column when it equals the column's key, its label or one of its synonyms once case, accents, spaces, hyphens, underscores and punctuation are ignored (`E-mail Address`, `email_address` and `Email address` are one header). When several headers fit one column, the key beats the label, the label beats a synonym, and then the leftmost header wins. Anything else is mapped by hand in the app's mapping step or with `--map FILE.json` on the command line.",
  ].join('\n\n');
}

/** The synonyms not already matched as the key or label, without spellings that match alike. */
function acceptedSynonyms(field: FieldDef, synonyms: readonly string[]): string[] {
  const seen = new Set([headerMatchKey(field.key), headerMatchKey(field.label)]);
  return synonyms.filter((synonym) => {
    const key = headerMatchKey(synonym);
    const fresh = !seen.has(key);
    seen.add(key);
    return fresh;
  });
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A table cell: a pipe would end the cell and a line break the row. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

const code = (text: string): string => `\`${text}\``;
const list = (keys: readonly string[]): string => keys.map(code).join(', ');
const singular = (title: string): string => title.replace(/s$/, '');

/** `a`, `a and b`, `a, b and c`: a list inside a sentence. */
function prose(items: readonly string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
