import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../../../../main/services/files/read-table-file';
import { safeSheetName } from '../../../../../main/services/files/xlsx-writer/results-workbook';
import { STATUS_COLOURS } from '../../../../../main/services/files/xlsx-writer/xlsx-styles';
import { escapeXlsxText } from '../../../../../main/services/files/xlsx-writer/xlsx-text';
import { xlsxBuffer } from '../../../../../main/services/files/xlsx-writer/xlsx-workbook';
import { waitForZip } from '../../../../../main/services/files/xlsx-writer/zip-backpressure';
import type ExcelJS from 'exceljs';

describe('status colours', () => {
  it('give every status a text colour with at least 4.5:1 contrast on its fill (WCAG AA)', () => {
    for (const { fill, font } of Object.values(STATUS_COLOURS)) {
      expect(contrast(fill, font)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('XLSX text escapes', () => {
  it('encodes CR and other controls as _xHHHH_, and an underscore that would start one', () => {
    expect(escapeXlsxText('a\rb')).toBe('a_x000D_b');
    expect(escapeXlsxText('\u0001x')).toBe('_x0001_x');
    expect(escapeXlsxText('id_x0041_')).toBe('id_x005F_x0041_');
    expect(escapeXlsxText('tab\tand\nline')).toBe('tab\tand\nline');
    expect(escapeXlsxText('snake_case_x')).toBe('snake_case_x');
  });

  it('round-trips controls, CRLF and literal escapes through a file', async () => {
    const values = ['\rCarriage', 'one\r\ntwo', 'bell\u0007', 'id_x0041_', '_x005F_', '  spaced  '];
    const bytes = await xlsxBuffer([{ name: 'S', headers: ['v'], rows: values.map((v) => [v]) }]);
    const dir = await mkdtemp(join(tmpdir(), 'batchline-xlsx-esc-'));
    try {
      await writeFile(join(dir, 'x.xlsx'), bytes);
      const table = await readTableFile(join(dir, 'x.xlsx'));
      expect(table.rows.map((row) => row.cells[0])).toEqual(values);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('waitForZip', () => {
  it('falls back to a plain yield when exceljs internals are not where expected', async () => {
    await expect(waitForZip({} as ExcelJS.Worksheet)).resolves.toBeUndefined();
    const odd = { stream: { pipes: 'not an array' } } as unknown as ExcelJS.Worksheet;
    await expect(waitForZip(odd)).resolves.toBeUndefined();
  });
});

describe('safeSheetName', () => {
  it('drops the characters Excel refuses and keeps at most 31', () => {
    expect(safeSheetName('Users: [EU/US]?')).toBe('Users   EU US');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName("''")).toBe('Sheet1');
  });
});

function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(argb: string): number {
  const channel = (offset: number) => {
    const c = parseInt(argb.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(2) + 0.7152 * channel(4) + 0.0722 * channel(6);
}
