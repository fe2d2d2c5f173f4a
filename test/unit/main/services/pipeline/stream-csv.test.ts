import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../../shared/csv/decode-text';
import { parseCsv } from '../../../../../shared/csv/parse-csv';
import type { SourceTable } from '../../../../../shared/table/source-table';
import type { ByteSource } from '../../../../../main/services/pipeline/byte-source';
import { readCsvTable } from '../../../../../main/services/pipeline/read-csv-table';
import { random } from '../../../shared/validation/random-users';

/** A source that hands out the bytes in pieces of random sizes, cutting characters in two. */
function pieces(bytes: Uint8Array, seed: number, maxPiece: number): ByteSource {
  return {
    name: 'test.csv',
    size: bytes.length,
    async *open() {
      const rnd = random(seed);
      for (let at = 0; at < bytes.length;) {
        const n = 1 + Math.floor(rnd() * maxPiece);
        yield bytes.subarray(at, at + n);
        at += n;
      }
    },
  };
}

/** What readTableFile gives for a small file: the whole text decoded, then parseCsv. */
function whole(bytes: Uint8Array): SourceTable {
  const decoded = decodeText(bytes);
  return { ...parseCsv(decoded.text, 'test.csv'), encoding: decoded.encoding };
}

/** A table with plain rows, so a streamed table (packed rows) compares field by field. */
function plain(table: SourceTable): SourceTable {
  return { ...table, rows: table.rows.map((row) => ({ row: row.row, cells: row.cells })) };
}

async function expectStreamedEqualsWhole(bytes: Uint8Array, seed: number, maxPiece: number) {
  const streamed = await readCsvTable(pieces(bytes, seed, maxPiece));
  expect(plain(streamed.table)).toEqual(plain(whole(bytes)));
  return streamed;
}

/** A CSV text with everything chunk boundaries can cut: quotes, line breaks, CJK, blanks. */
function awkwardCsv(seed: number, rows: number, lineEnd: string): string {
  const rnd = random(seed);
  const cells = [
    'plain',
    '"quoted, comma"',
    '"two\r\nlines"',
    '"a ""quote"""',
    '王小明',
    'Zoë',
    '',
    ' ',
  ];
  const lines = ['\uFEFFemail,name,note'];
  for (let i = 0; i < rows; i++) {
    const pick = () => cells[Math.floor(rnd() * cells.length)]!;
    lines.push(
      rnd() < 0.03
        ? ''
        : rnd() < 0.03
          ? `u${i}@x.com,${pick()}`
          : `u${i}@x.com,${pick()},${pick()}`,
    );
  }
  return lines.join(lineEnd) + (rnd() < 0.5 ? lineEnd : '');
}

const FIXTURES = new URL('../../../../fixtures/', import.meta.url);

describe('readCsvTable (streamed) against decodeText + parseCsv (whole)', () => {
  for (const dir of ['csv', 'zoom-users']) {
    for (const name of readdirSync(new URL(`${dir}/`, FIXTURES)).filter((f) =>
      /\.(csv|txt)$/.test(f),
    )) {
      it(`reads fixtures/${dir}/${name} the same, in pieces of 1-7 bytes`, async () => {
        const bytes = readFileSync(new URL(`${dir}/${name}`, FIXTURES));
        if (bytes.length === 0) {
          return;
        }
        await expectStreamedEqualsWhole(bytes, name.length, 7);
      });
    }
  }

  it('reads a 2.5 MB file with quoted line breaks, CJK and blank lines the same (CRLF and LF)', async () => {
    for (const [seed, lineEnd] of [
      [1, '\r\n'],
      [2, '\n'],
    ] as const) {
      const bytes = Buffer.from(awkwardCsv(seed, 100_000, lineEnd), 'utf8');
      expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
      const streamed = await expectStreamedEqualsWhole(bytes, seed, 70_000);
      expect(streamed.table.rows.length).toBeGreaterThan(90_000);
    }
  });

  it('numbers rows by the line they start on across pieces, as parseCsv does', async () => {
    const bytes = Buffer.from('a,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n', 'utf8');
    const streamed = await expectStreamedEqualsWhole(bytes, 3, 2);
    expect(streamed.table.rows.map((row) => row.row)).toEqual([2, 5]);
    expect(streamed.table.skippedEmpty).toBe(1);
  });

  it('judges the whole file when it stops being strict UTF-8 after the first 64 KiB', async () => {
    // No BOM: with one, the BOM decides and nothing is guessed.
    const text = awkwardCsv(5, 8_000, '\r\n').slice(1);
    // Windows-1252 "é" (0xE9) late in the file: not UTF-8, so decodeText falls back.
    const bytes = Buffer.concat([
      Buffer.from(text, 'utf8'),
      Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x0d, 0x0a]),
    ]);
    const streamed = await expectStreamedEqualsWhole(bytes, 5, 9_000);
    expect(streamed.table.encoding).toBe(whole(bytes).encoding);
    expect(streamed.encodingGuessed).toBe(true);
  });

  it('reads UTF-16LE with a BOM and Windows-1252 without one', async () => {
    const text = 'email,name\r\njose@x.com,José Müller\r\nzoe@x.com,Zoë – €\r\n'.repeat(3_000);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await expectStreamedEqualsWhole(utf16, 6, 5_000)).table.encoding).toBe('utf-16le');
    const cp1252 = Buffer.from(text.replace(/[–€]/g, '-'), 'latin1');
    expect((await expectStreamedEqualsWhole(cp1252, 7, 5_000)).table.encoding).toBe('windows-1252');
  });

  it('reports an unterminated quote with the same span as parseCsv', async () => {
    const text = `email,note\r\na@x.com,"open\r\n${'b@x.com,fine\r\n'.repeat(100_000)}`;
    const streamed = await expectStreamedEqualsWhole(Buffer.from(text, 'utf8'), 8, 64 * 1024);
    expect(streamed.table.issues[0]?.code).toBe('UNTERMINATED_QUOTE');
  });

  it('refuses binary data as readTableFile does', async () => {
    const bytes = Buffer.concat([Buffer.from('email\r\na@x.com\r\n'), Buffer.from([0, 1, 2, 0])]);
    await expect(readCsvTable(pieces(bytes, 9, 4))).rejects.toMatchObject({
      code: 'PARSE_FAILED',
      message: expect.stringContaining('it is not a text file') as string,
    });
  });
});
