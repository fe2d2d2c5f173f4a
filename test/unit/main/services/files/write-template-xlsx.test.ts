import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTableFile } from '../../../../../main/services/files/read-table-file';
import { templateSheets } from '../../../../../main/services/files/xlsx-writer/template-workbook';
import { xlsxBuffer } from '../../../../../main/services/files/xlsx-writer/xlsx-workbook';
import { createZoomUsersDataset } from '../../../../../shared/datasets/zoom-users';
import { suggestMapping } from '../../../../../shared/mapping/suggest-mapping';
import { TEMPLATE_LAST_ROW } from '../../../../../shared/templates/template';
import { validateTable } from '../../../../../shared/validation/validate-table';
import { cellTypes, sheetXml, zipEntries } from './xlsx-parts';

describe('XLSX template (zoom users)', () => {
  const dataset = createZoomUsersDataset();
  let dir: string;
  let path: string;
  let entries: Map<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-template-xlsx-'));
    path = join(dir, 'template.xlsx');
    const bytes = await xlsxBuffer(templateSheets(dataset));
    await writeFile(path, bytes);
    entries = zipEntries(bytes);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has the field keys as headers and an example row that validates as is', async () => {
    const table = await readTableFile(path);
    expect(table.headers).toEqual(dataset.fields.map((field) => field.key));
    expect(table.rows.map((row) => row.cells)).toEqual([
      dataset.fields.map((field) => field.example),
    ]);
    const { mapping } = suggestMapping(table.headers, dataset);
    expect(validateTable(table, dataset, mapping).counts).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('offers a Yes/No dropdown down to the last input row on each enum column', () => {
    const xml = sheetXml(entries, 1);
    const enumColumns = dataset.fields.flatMap((field, i) =>
      field.choices ? [String.fromCharCode(65 + i)] : [],
    );
    expect(enumColumns).toEqual(['K', 'L']);
    for (const letter of enumColumns) {
      const rule = new RegExp(
        `<dataValidation type="list"[^>]*sqref="${letter}2:${letter}${TEMPLATE_LAST_ROW}"><formula1>&quot;Yes,No&quot;</formula1>`,
      );
      expect(xml).toMatch(rule);
    }
    // A warning, not a refusal: Y/N and true/false are valid too.
    expect(xml).toContain('errorStyle="warning"');
  });

  it('notes each header with whether it is required and its rule', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    const note = (column: number) => {
      const value = sheet?.getRow(1).getCell(column).note;
      return typeof value === 'string' ? value : (value?.texts ?? []).map((t) => t.text).join('');
    };
    expect(note(1)).toBe(`Required. ${dataset.fields[0]?.description}`);
    expect(note(2)).toBe(`Optional. ${dataset.fields[1]?.description}`);
  });

  it('lists every column with required, rule, example and choices on a "Columns" sheet', async () => {
    const columns = await readTableFile(path, { sheet: 'Columns' });
    expect(columns.headers).toEqual(['column', 'required', 'rule', 'example', 'choices']);
    expect(columns.rows).toHaveLength(dataset.fields.length);
    const sms = columns.rows.find((row) => row.cells[0] === 'sms')?.cells;
    expect(sms).toEqual(['sms', 'no', dataset.fields[11]?.description, 'Yes', 'Yes, No']);
    expect(columns.rows[0]?.cells.slice(0, 2)).toEqual(['email', 'yes']);
  });

  it('writes string cells only, in both sheets, and formats the input columns as text', async () => {
    for (const n of [1, 2]) {
      expect(new Set(cellTypes(sheetXml(entries, n)))).toEqual(new Set(['inlineStr']));
      expect(sheetXml(entries, n)).not.toMatch(/<f[\s>]/);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    // Column style "@": a number typed into row 500 stays the text typed (+1415…, 0012).
    expect(workbook.worksheets[0]?.getColumn(5).numFmt).toBe('@');
  });
});
