/** import:open for workbooks: the sheet listed and chosen, the header row listed and forced. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OpenFiles } from '../../../main/app/open-files';
import { importHandlers } from '../../../main/ipc/import.ipc';
import type { ImportPreview } from '../../../shared/ipc/contract';
import { TEAM_SHEETS, teamWorkbook } from '../../helpers/team-workbook';

const XLSX = resolve(import.meta.dirname, '../../fixtures/xlsx');

describe('import:open with a workbook', () => {
  let team: Buffer;
  let files: OpenFiles;
  let open: (
    fileName: string,
    bytes: Uint8Array,
    choices?: { sheet?: string; headerRow?: number },
  ) => Promise<ImportPreview>;

  beforeAll(async () => {
    team = await teamWorkbook();
    files = new OpenFiles();
    const handlers = importHandlers(files);
    open = (fileName, bytes, choices = {}) =>
      handlers['import:open']({
        target: 'zoom',
        kind: 'users',
        fileName,
        dataBase64: Buffer.from(bytes).toString('base64'),
        ...choices,
      });
  });

  it('lists every sheet in tab order, hidden ones marked, and reads the first visible one', async () => {
    const bytes = await readFile(resolve(XLSX, 'c16-hidden-sheets-and-rows.xlsx'));
    const preview = await open('hr.xlsx', bytes);
    expect(preview.sheets).toEqual([
      { name: 'Lookups', state: 'veryHidden', rowEstimate: 2 },
      { name: 'Old Users', state: 'hidden', rowEstimate: 2 },
      { name: 'Users', state: 'visible', rowEstimate: 6 },
      { name: 'Notes', state: 'visible', rowEstimate: 1 },
    ]);
    expect(preview).toMatchObject({ format: 'xlsx', sheet: 'Users', rowCount: 5 });
    expect(preview.encoding).toBeUndefined();
    expect(preview.delimiter).toBeUndefined();
    // Never a hidden sheet by default, even when the workbook lists it first.
    const teamPreview = await open('team.xlsx', team);
    expect(teamPreview.sheet).toBe(TEAM_SHEETS.sales);
    expect(teamPreview.sheets?.map((sheet) => `${sheet.name}:${sheet.state}`)).toEqual([
      'Sales:visible',
      'Old Sales:hidden',
      'Support:visible',
    ]);
    expect(files.origin(teamPreview.fileId)?.sheet).toBeUndefined();
  });

  it('reads the second sheet when it is chosen, its header found below the title rows', async () => {
    const preview = await open('team.xlsx', team, { sheet: 'support' });
    expect(preview).toMatchObject({ sheet: TEAM_SHEETS.support, headerRow: 4, rowCount: 4 });
    expect(preview.sampleRows.map((row) => row[0])).toEqual([
      'silva@support.example.com',
      'okafor@support.example.com',
      'martin@support.example.com',
      'patel@support.example.com',
    ]);
    expect(preview.suggestedMapping).toMatchObject({
      email: 'Work Email',
      first_name: 'Given Name',
    });
    // The header may be moved to any of the sheet's first non-blank rows.
    expect(preview.headerChoices.map((choice) => choice.row)).toEqual([1, 2, 4, 5, 6, 7, 8]);
    expect(preview.headerChoices[0]).toEqual({ row: 1, cells: ['Q3 onboarding — Support'] });
    // Kept with the file as the workbook spells it, so a batch file can read it again.
    expect(files.origin(preview.fileId)).toMatchObject({ fileName: 'team.xlsx', sheet: 'Support' });
  });

  it('reads a hidden sheet only when it is chosen', async () => {
    const preview = await open('team.xlsx', team, { sheet: TEAM_SHEETS.old });
    expect(preview).toMatchObject({ sheet: 'Old Sales', rowCount: 1 });
    expect(preview.sampleRows[0]?.[0]).toBe('timer@sales.example.com');
  });

  it('refuses a sheet the workbook does not have, naming the workbook and its sheets', async () => {
    await expect(open('team.xlsx', team, { sheet: 'Marketing' })).rejects.toMatchObject({
      code: 'USAGE',
      message: 'No sheet "Marketing" in team.xlsx; sheets: Sales, Old Sales (hidden), Support',
    });
  });

  it('takes the header row the admin forces on a workbook, and maps the new columns', async () => {
    const detected = await open('team.xlsx', team, { sheet: TEAM_SHEETS.support });
    expect(detected.suggestedMapping.email).toBe('Work Email');
    const forced = await open('team.xlsx', team, { sheet: TEAM_SHEETS.support, headerRow: 1 });
    expect(forced).toMatchObject({ headerRow: 1, headers: ['Q3 onboarding — Support'] });
    expect(forced.rowCount).toBe(6);
    expect(forced.suggestedMapping.email).toBeUndefined();
    expect(forced.headerChoices).toEqual(detected.headerChoices);
    expect(files.origin(forced.fileId)).toMatchObject({ sheet: 'Support', headerRow: 1 });
    // A forced row between others takes the first non-empty row from there.
    const merged = await readFile(resolve(XLSX, 'c15-merged-cells.xlsx'));
    expect((await open('merged.xlsx', merged)).headerRow).toBe(2);
    expect(await open('merged.xlsx', merged, { headerRow: 3 })).toMatchObject({
      headerRow: 3,
      rowCount: 3,
      headers: ['ann@example.com', 'Ann', 'Lee', 'Sales', 'London'],
    });
  });

  it('says which sheet has a header and no rows when an empty sheet is chosen', async () => {
    const bytes = await readFile(resolve(XLSX, 'c16-hidden-sheets-and-rows.xlsx'));
    await expect(open('hr.xlsx', bytes, { sheet: 'Notes' })).rejects.toMatchObject({
      code: 'FILE_EMPTY',
      message: 'hr.xlsx has a header row (row 1 of sheet "Notes") but no data rows below it.',
    });
  });
});
