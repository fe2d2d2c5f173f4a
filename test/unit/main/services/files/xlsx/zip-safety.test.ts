/** Case 20 and 21 at the zip level: refuse bombs and broken archives before inflating them. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../../shared/errors';
import { listXlsxSheets, readXlsx } from '../../../../../../main/services/files/read-xlsx';
import { readZipDirectory } from '../../../../../../main/services/files/zip-guard';
import { tinyXlsx, zipFiles } from '../../../../../fixtures/xlsx/tiny-xlsx';
import { zipDeclaring } from '../zip-bytes';
import { xlsxFixture } from './xlsx-readers';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const caught = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).message).not.toContain('\n');
  return caught as AppError;
}

/** Rewrites the sizes `name` declares in the central directory (and its local header). */
function declare(
  bytes: Uint8Array,
  name: string,
  sizes: { size: number; compressedSize?: number },
): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  const eocd = out.length - 22;
  let pos = view.getUint32(eocd + 16, true);
  for (let i = view.getUint16(eocd + 10, true); i > 0; i--) {
    const nameLength = view.getUint16(pos + 28, true);
    if (new TextDecoder().decode(out.subarray(pos + 46, pos + 46 + nameLength)) === name) {
      view.setUint32(pos + 24, sizes.size, true);
      view.setUint32(view.getUint32(pos + 42, true) + 22, sizes.size, true);
      if (sizes.compressedSize !== undefined) {
        view.setUint32(pos + 20, sizes.compressedSize, true);
      }
    }
    pos += 46 + nameLength + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  return out;
}

const bigSheet = (rows: number): string =>
  Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
  ).join('');

describe('zip bombs', () => {
  it('refuses the 400 MB-in-400 KB bomb from its directory, in well under a second', async () => {
    const bytes = xlsxFixture('c20-zip-bomb.xlsx');
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const error = await refusal(readXlsx(bytes, 'bomb.xlsx'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ code: 'PARSE_FAILED' });
    expect(error.message).toBe(
      'Cannot read bomb.xlsx: it looks like a zip bomb (xl/worksheets/sheet1.xml would expand from 398 KB to 400 MB, 1028 times; real workbooks expand at most 100 times)',
    );
    await expect(listXlsxSheets(bytes, 'bomb.xlsx')).rejects.toMatchObject({
      code: 'PARSE_FAILED',
    });
  });

  it('refuses an archive declaring more than 3 GB in all, even at an ordinary ratio', async () => {
    const bytes = zipDeclaring(1024 ** 3, 'xl/worksheets/sheet1.xml', {
      compressedSize: 100 * 1024 ** 2,
      count: 4,
    });
    const error = await refusal(readXlsx(bytes, 'huge.xlsx'));
    expect(error.message).toBe(
      'Cannot read huge.xlsx: it would expand to 4.0 GB, over the 3.0 GB limit; save the sheet as CSV instead',
    );
  });

  it('refuses an archive of thousands of files', async () => {
    const error = await refusal(readXlsx(zipDeclaring(10, 'x', { count: 10_001 }), 'many.xlsx'));
    expect(error.message).toMatch(/^Cannot read many\.xlsx: it holds 10001 files/);
  });

  it('stops an entry that inflates past the size it declared (a directory that lies)', async () => {
    const honest = tinyXlsx({ sheets: [{ name: 'S', rows: bigSheet(50_000) }] });
    const lying = declare(honest, 'xl/worksheets/sheet1.xml', { size: 4096 });
    const error = await refusal(readXlsx(lying, 'liar.xlsx'));
    expect(error.message).toBe(
      'Cannot read liar.xlsx: xl/worksheets/sheet1.xml holds more data than its zip directory declares; the file is damaged or crafted',
    );
  });

  it('refuses shared strings too large to hold, before reading them', async () => {
    const book = tinyXlsx({
      sharedStrings: ['<t>Work Email</t>'],
      sheets: [{ name: 'S', rows: '' }],
    });
    const bytes = declare(book, 'xl/sharedStrings.xml', {
      size: 600 * 1024 ** 2,
      compressedSize: 60 * 1024 ** 2,
    });
    const error = await refusal(readXlsx(bytes, 'strings.xlsx'));
    expect(error.message).toBe(
      'Cannot read strings.xlsx: its shared texts would take 600 MB, over the 512 MB batchline holds; save the sheet as CSV instead',
    );
  });
});

describe('broken archives', () => {
  it('refuses a truncated download', async () => {
    const error = await refusal(readXlsx(xlsxFixture('c21-truncated.xlsx'), 'cut.xlsx'));
    expect(error.message).toBe(
      'Cannot read cut.xlsx: the file is incomplete or damaged (its zip archive is cut short); copy or download it again',
    );
  });

  it('refuses an entry whose data runs past the end of the file', async () => {
    const bytes = tinyXlsx({ sheets: [{ name: 'S', rows: bigSheet(10) }] });
    const entry = readZipDirectory(bytes)?.find((e) => e.name === 'xl/workbook.xml');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    view.setUint32((entry?.localHeaderOffset ?? 0) + 26, 60_000, true);
    const error = await refusal(readXlsx(bytes, 'short.xlsx'));
    expect(error.message).toMatch(
      /^Cannot read short\.xlsx: (the file is incomplete|it is damaged)/,
    );
  });

  it('refuses damaged compressed data', async () => {
    const bytes = new Uint8Array(tinyXlsx({ sheets: [{ name: 'S', rows: bigSheet(100) }] }));
    const sheet = readZipDirectory(bytes)?.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    const start = (sheet?.localHeaderOffset ?? 0) + 30 + 'xl/worksheets/sheet1.xml'.length;
    // 0xFF opens a deflate block of the reserved type 3: no inflater accepts it.
    bytes.fill(0xff, start, start + (sheet?.compressedSize ?? 0));
    const error = await refusal(readXlsx(bytes, 'garbled.xlsx'));
    expect(error.message).toMatch(
      /^Cannot read garbled\.xlsx: it is damaged \(xl\/worksheets\/sheet1\.xml cannot be unpacked: .*\); copy or download it again$/,
    );
  });

  it('refuses encrypted zip entries and compression methods Excel does not use', async () => {
    const encrypted = await refusal(
      readXlsx(zipDeclaring(10, '_rels/.rels', { flags: 1 }), 'locked.xlsx'),
    );
    expect(encrypted.message).toContain('encrypted zip archive');
    const bzip = await refusal(readXlsx(zipDeclaring(10, '_rels/.rels', { method: 12 }), 'b.xlsx'));
    expect(bzip.message).toContain('compressed with a method Excel does not use (12)');
  });

  it('says what a zip that is not a workbook is', async () => {
    const error = await refusal(readXlsx(xlsxFixture('c21-not-a-workbook.xlsx'), 'doc.xlsx'));
    expect(error.message).toBe(
      'Cannot read doc.xlsx: it is a Word or PowerPoint document, not an Excel workbook',
    );
    const ods = zipFiles([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    expect((await refusal(readXlsx(ods, 'calc.xlsx'))).message).toContain(
      'OpenDocument spreadsheet (.ods)',
    );
  });
});
