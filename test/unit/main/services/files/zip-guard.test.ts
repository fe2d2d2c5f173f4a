import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readZipInventory } from '../../../../../main/services/files/zip-guard';
import { zipDeclaring } from './zip-bytes';

describe('readZipInventory', () => {
  it('sums the declared sizes of a real workbook without inflating it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Users').addRow(['email', 'x'.repeat(5000)]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const inventory = readZipInventory(bytes);
    expect(inventory?.entries).toBeGreaterThan(3);
    expect(inventory?.inflatedBytes).toBeGreaterThan(bytes.length);
  });

  it('reads the size a crafted archive declares', () => {
    expect(readZipInventory(zipDeclaring(400 * 1024 * 1024))).toEqual({
      entries: 1,
      inflatedBytes: 400 * 1024 * 1024,
    });
  });

  it('returns undefined for bytes that are not a zip, or a truncated one', () => {
    expect(readZipInventory(new TextEncoder().encode('email\nx@example.com\n'))).toBeUndefined();
    expect(readZipInventory(zipDeclaring(10).subarray(0, 40))).toBeUndefined();
  });
});
