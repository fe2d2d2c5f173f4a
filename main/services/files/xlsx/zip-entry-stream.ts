import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../../../../shared/errors';
import type { ZipEntry } from '../zip-guard';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const FEED_BYTES = 1024 * 1024;

/** How an entry is inflated: the size of the pieces handed out, and a way to stop early. */
export interface InflateOptions {
  chunkSize?: number;
  signal?: AbortSignal | undefined;
}

/**
 * Inflates one zip entry piece by piece, never holding more than a piece of its output.
 *
 * The output may not exceed the size the central directory declared (which the budget
 * check has already accepted): an entry that lies about its size is stopped as soon as it
 * inflates past it, so a crafted archive cannot get round the zip-bomb check. Damaged data
 * and unsupported methods are PARSE_FAILED errors naming the file.
 */
export async function* inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  fileName: string,
  opts: InflateOptions = {},
): AsyncGenerator<Buffer> {
  const data = entryData(bytes, entry, fileName);
  const chunkSize = opts.chunkSize ?? 64 * 1024;
  let produced = 0;
  const source: Iterable<Buffer> | AsyncIterable<Buffer> =
    entry.method === 0 ? slices(data, chunkSize) : inflated(data, chunkSize);
  try {
    for await (const chunk of source) {
      if (opts.signal?.aborted) {
        throw new AppError('CANCELLED', `Reading ${fileName} was cancelled`);
      }
      produced += chunk.length;
      if (produced > entry.size) {
        throw new AppError(
          'PARSE_FAILED',
          `Cannot read ${fileName}: ${entry.name} holds more data than its zip directory declares; the file is damaged or crafted`,
        );
      }
      yield chunk;
    }
  } catch (caught) {
    throw caught instanceof AppError ? caught : damaged(fileName, entry, caught);
  }
}

/**
 * Inflates a small entry whole (workbook.xml, styles, relationships), refusing one that
 * declares or inflates to more than `maxBytes`.
 */
export function inflateEntryWhole(
  bytes: Uint8Array,
  entry: ZipEntry,
  fileName: string,
  maxBytes: number,
): Buffer {
  if (entry.size > maxBytes) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: ${entry.name} is ${Math.round(entry.size / 1024 / 1024)} MB, far larger than any workbook needs; the file is not a normal .xlsx`,
    );
  }
  const data = entryData(bytes, entry, fileName);
  if (entry.method === 0) {
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (caught) {
    throw damaged(fileName, entry, caught);
  }
}

/** The entry's compressed bytes, after checking its local header, method and bounds. */
function entryData(bytes: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  if ((entry.flags & 1) !== 0) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: it is an encrypted zip archive; save it from Excel without a password`,
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: ${entry.name} is compressed with a method Excel does not use (${entry.method}); open the file in Excel and save it again`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_HEADER_SIGNATURE) {
    throw damaged(fileName, entry, 'no local header');
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: the file is incomplete (it ends inside ${entry.name}); copy or download it again`,
    );
  }
  return bytes.subarray(start, end);
}

function* slices(data: Uint8Array, size: number): Generator<Buffer> {
  for (let pos = 0; pos < data.length; pos += size) {
    const piece = data.subarray(pos, Math.min(data.length, pos + size));
    yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
  }
}

function inflated(data: Uint8Array, chunkSize: number): AsyncIterable<Buffer> {
  const inflate = createInflateRaw({ chunkSize });
  // Fed in 1 MB pieces so backpressure holds: the output is read as it is needed.
  Readable.from(slices(data, FEED_BYTES)).pipe(inflate);
  return inflate;
}

function damaged(fileName: string, entry: ZipEntry, caught: unknown): AppError {
  const reason = caught instanceof Error ? caught.message : String(caught);
  return new AppError(
    'PARSE_FAILED',
    `Cannot read ${fileName}: it is damaged (${entry.name} cannot be unpacked: ${reason.split('\n')[0] ?? ''}); copy or download it again`,
    { cause: caught },
  );
}
