import { describe, expect, it } from 'vitest';
import { OpenFiles } from '../../../main/app/open-files';
import { ReviewIndex } from '../../../main/app/review-index';
import { importHandlers, previewSheet } from '../../../main/ipc/import.ipc';
import type { MappingMemory } from '../../../main/services/settings/mapping-memory';
import { getDataset } from '../../../shared/datasets/registry';
import type { DatasetDef } from '../../../shared/datasets/dataset';
import type { Mapping } from '../../../shared/datasets/targets';
import { suggestMapping } from '../../../shared/mapping/suggest-mapping';
import { validateTable } from '../../../shared/validation/validate-table';

// A big text sheet (over the 8 MB streaming threshold) is checked on worker threads while
// it is read, with the mapping (and country) the preview suggests; import:validate takes
// that check only when it asks for exactly it on the untouched table.

const ROWS = 24_000;
const NOTES = 'x'.repeat(360);

/** A users sheet with bad emails, repeated extensions and national phone numbers. */
function bigUsersCsv(): Buffer {
  const lines = ['Work Email,Given Name,Surname,Ext,Direct Dial,Calling Plan,Site,Notes'];
  for (let i = 0; i < ROWS; i++) {
    const email = i % 97 === 5 ? `user${i}@` : `user${i}@example.com`;
    const ext = i % 1000 === 999 ? '10000' : String(10_000 + i);
    // National numbers: valid with US as the default country, refused without one.
    const phone =
      i % 10 === 3
        ? `(212) ${340 + Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, '0')}`
        : '';
    lines.push(`${email},Ann,Lee ${i},${ext},${phone},US/CA Unlimited Calling,HQ,${NOTES}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

const BYTES = bigUsersCsv();
const zoomUsers = { target: 'zoom', kind: 'users' } as const;

/** A memory that has seen these columns before, with this country. */
function memoryWith(country: string | undefined): MappingMemory {
  const dataset = getDataset('zoom', 'users') as DatasetDef;
  return {
    recall: (_target, _kind, headers) => ({
      mapping: suggestMapping(headers, dataset).mapping,
      ...(country ? { country } : {}),
    }),
    remember: () => Promise.resolve(),
  };
}

async function open(files: OpenFiles, opts: { precheck?: boolean; memory?: MappingMemory } = {}) {
  return previewSheet(
    { files, ...opts },
    { ...zoomUsers, fileName: 'people.csv', bytes: BYTES, choices: {} },
  );
}

/** What a fresh check of the table as it is now gives, row by row. */
function freshCheck(files: OpenFiles, fileId: string, mapping: Mapping, country?: string) {
  const table = files.get(fileId);
  const dataset = getDataset('zoom', 'users', { defaultCountry: country }) as DatasetDef;
  const checked = validateTable(table, dataset, mapping);
  return {
    counts: checked.counts,
    rows: checked.rows.map((row) => ({ row: row.row, cells: row.cells, issues: row.issues })),
  };
}

function reviewed(files: OpenFiles, fileId: string) {
  const review: ReviewIndex = files.review(fileId);
  return review.rows(0, ROWS, 'all').rows.map(({ row, cells, issues }) => ({ row, cells, issues }));
}

describe('checking a big sheet while it is read (import:open, then import:validate)', () => {
  it('answers import:validate with the check made while reading, equal to a fresh one', async () => {
    expect(BYTES.length).toBeGreaterThan(8 * 1024 * 1024);
    const files = new OpenFiles();
    const preview = await open(files);
    expect(preview.rowCount).toBe(ROWS);
    const expected = freshCheck(files, preview.fileId, preview.suggestedMapping);
    expect(expected.counts.invalid).toBeGreaterThan(ROWS / 10);

    const prechecked = files.takePrecheck(preview.fileId, zoomUsers, preview.suggestedMapping);
    expect(prechecked?.counts).toEqual(expected.counts);

    const again = await open(files);
    const view = await importHandlers(files)['import:validate']({
      ...zoomUsers,
      fileId: again.fileId,
      mapping: again.suggestedMapping,
    });
    expect(view.counts).toEqual(expected.counts);
    expect(reviewed(files, again.fileId)).toEqual(expected.rows);
  });

  it('checks again when the mapping, the country or the cells are not what was checked', async () => {
    const files = new OpenFiles();
    const handlers = importHandlers(files);

    const remapped = await open(files);
    const { site_name: _site, ...withoutSite } = remapped.suggestedMapping;
    expect(files.takePrecheck(remapped.fileId, zoomUsers, withoutSite)).toBeUndefined();
    // Asked once: a later call with the right mapping does not get it back either.
    expect(
      files.takePrecheck(remapped.fileId, zoomUsers, remapped.suggestedMapping),
    ).toBeUndefined();

    const withCountry = await open(files);
    const us = await handlers['import:validate']({
      ...zoomUsers,
      fileId: withCountry.fileId,
      mapping: withCountry.suggestedMapping,
      country: 'US',
    });
    expect(us.counts).toEqual(
      freshCheck(files, withCountry.fileId, withCountry.suggestedMapping, 'US').counts,
    );

    const edited = await open(files);
    files.edits(edited.fileId).apply([{ row: 2, column: 'Work Email', value: 'not-an-email' }]);
    const view = await handlers['import:validate']({
      ...zoomUsers,
      fileId: edited.fileId,
      mapping: edited.suggestedMapping,
    });
    const expected = freshCheck(files, edited.fileId, edited.suggestedMapping);
    expect(view.counts).toEqual(expected.counts);
    expect(reviewed(files, edited.fileId)[0]?.issues[0]?.message).toMatch(/not-an-email/);
  });

  it('checks with the country remembered for these columns, and offers it', async () => {
    const files = new OpenFiles();
    const preview = await open(files, { memory: memoryWith('US') });
    expect(preview).toMatchObject({ mappingSource: 'remembered', suggestedCountry: 'US' });
    const spec = { ...zoomUsers, defaultCountry: 'US' };
    const prechecked = files.takePrecheck(preview.fileId, spec, preview.suggestedMapping);
    const expected = freshCheck(files, preview.fileId, preview.suggestedMapping, 'US');
    expect(prechecked?.counts).toEqual(expected.counts);
    // The national numbers are valid in the US: only the bad emails and repeats are invalid.
    expect(expected.counts.invalid).toBeLessThan(ROWS / 50);
  });

  it('reads only when told not to check (a batch whose edits come first)', async () => {
    const files = new OpenFiles();
    const preview = await open(files, { precheck: false });
    expect(preview.rowCount).toBe(ROWS);
    expect(files.takePrecheck(preview.fileId, zoomUsers, preview.suggestedMapping)).toBeUndefined();
  });
});
