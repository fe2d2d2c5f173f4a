import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDataset, listDatasets } from '../../../../shared/datasets/registry';
import { fieldNames } from '../../../../shared/mapping/hr-synonyms';
import { headerMatchKey } from '../../../../shared/mapping/normalise-header';
import {
  cell,
  columnReferenceFiles,
  datasetReference,
} from '../../../../shared/docs/column-reference';
import { variantOf } from '../../../../shared/docs/dataset-facts';
import { checkReference, writeReference } from '../../../../scripts/column-reference-files';

/** The table row of a field's page, cut into cells. */
function rowOf(page: string, key: string): string[] {
  const line = page.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
  expect(line, `row of ${key}`).toBeDefined();
  return (line ?? '').split(/(?<!\\)\|/).map((c) => c.trim());
}

describe('column reference generation', () => {
  it('lists every field of zoom users with its key, required flag and every synonym it accepts', () => {
    const dataset = getDataset('zoom', 'users', { defaultCountry: 'US' })!;
    const page = datasetReference(dataset);
    const names = fieldNames(dataset).fields;
    dataset.fields.forEach((field, i) => {
      const [, column, , required, synonyms] = rowOf(page, field.key);
      expect(column).toBe(`\`${field.key}\``);
      expect(required).toBe(field.required ? 'yes' : 'no');
      // Spellings that match alike ("Ext" and "Ext.") are listed once, in their first spelling;
      // those matching the key or label ("E-mail" for email) are covered by the column itself.
      const covered = new Set([headerMatchKey(field.key), headerMatchKey(field.label)]);
      const listed = (synonyms ?? '').split(', ');
      for (const synonym of names[i]?.synonyms ?? []) {
        if (!covered.has(headerMatchKey(synonym))) {
          expect(listed).toContain(synonym);
          covered.add(headerMatchKey(synonym));
        }
      }
    });
  });

  it('derives identity, batch size and uniqueness from the dataset, not from hand-written text', () => {
    const members = datasetReference(getDataset('portsip', 'group-members')!);
    expect(members).toContain('one row per API call');
    expect(members).toContain('tells records apart by `group` and `extension_number`');
    expect(members).toContain('`extension_number` within one `group`');
    const webex = datasetReference(getDataset('webex', 'workspace-numbers')!);
    expect(webex).toMatch(/up to \d+ rows in one API call; rows with different `workspace_id`/);
  });

  it('makes one page per listed dataset plus an index linking each', () => {
    const files = columnReferenceFiles();
    const index = files.get('README.md') ?? '';
    for (const { target, kind } of listDatasets()) {
      expect(files.has(`${target}-${kind}.md`)).toBe(true);
      expect(index).toContain(`](${target}-${kind}.md)`);
    }
    expect(files.size).toBe(listDatasets().length + 1);
  });

  it('escapes pipes and line breaks so a rule cannot break the table', () => {
    expect(cell('a | b\nc\r\nd')).toBe('a \\| b<br>c<br>d');
  });

  it('varies an example by its last digit, else its first letter', () => {
    expect(variantOf('+14155550109')).toBe('+14155550100');
    expect(variantOf('alice@example.com')).toBe('blice@example.com');
    expect(variantOf('Zed')).toBe('Yed');
  });
});

describe('column reference check', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'batchline-columns-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes on freshly written pages', async () => {
    await writeReference(dir);
    expect(await checkReference(dir)).toEqual([]);
  });

  it('names a stale page, a missing page and an extra page', async () => {
    await writeReference(dir);
    const stale = path.join(dir, 'zoom-users.md');
    await writeFile(stale, (await readFile(stale, 'utf8')).replace('`email`', '`e_mail`'));
    await rm(path.join(dir, 'portsip-roles.md'));
    await writeFile(path.join(dir, 'zoom-old-dataset.md'), '# gone\n');
    expect(await checkReference(dir)).toEqual([
      { file: 'zoom-users.md', problem: 'stale' },
      { file: 'portsip-roles.md', problem: 'missing' },
      { file: 'zoom-old-dataset.md', problem: 'extra' },
    ]);
  });

  it('removes pages no dataset produces when it writes', async () => {
    await writeFile(path.join(dir, 'zoom-old-dataset.md'), '# gone\n');
    await writeFile(path.join(dir, 'notes.txt'), 'kept');
    await writeReference(dir);
    expect(await checkReference(dir)).toEqual([]);
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('kept');
  });
});
