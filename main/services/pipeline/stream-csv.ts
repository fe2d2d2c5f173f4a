import { AppError } from '../../../shared/errors';
import type { SupportedEncoding } from '../../../shared/csv/detect-encoding';
import { detectDelimiter } from '../../../shared/csv/detect-delimiter';
import { CsvStreamParser, csvLayoutOf, type CsvSink } from '../../../shared/csv/parse-csv';
import type { HeaderHints } from '../../../shared/table/find-header-row';
import type { ByteSource } from './byte-source';
import { decodeSource, EncodingRestart, type DecodeInfo } from './decode-stream';

/** What the admin may force when a CSV is read, as for readTableFile and parseCsv. */
export interface CsvReadOptions {
  encoding?: SupportedEncoding;
  delimiter?: string;
  headerRow?: number;
  headerHints?: HeaderHints;
}

/** How a streamed CSV was read: what a SourceTable says besides its rows. */
export interface CsvReadInfo {
  delimiter: string;
  encoding: SupportedEncoding;
  encodingGuessed: boolean;
  undecodableChars: number;
  headers: string[];
  headerRow: number;
  skippedEmpty: number;
}

/** A sink for {@link streamCsv}: parseCsv's, plus a pause point after each piece of text. */
export interface CsvStreamSink extends CsvSink {
  /** Called with each piece of text before it is parsed. */
  beforePiece?: (text: string) => void;
  /** Called between pieces; the stream waits for it (backpressure, progress). */
  afterPiece?: (info: DecodeInfo) => Promise<void> | void;
  /** Called before a restart from the top (see EncodingRestart): forget every row. */
  reset?: () => void;
}

// The first text handed to the parser is at least this long (or the whole file), so the
// delimiter (64 Ki chars) and line ending (1 MiB) are decided on the same text as parseCsv.
const LAYOUT_CHARS = 1024 * 1024 + 1;

/**
 * Reads a CSV source piece by piece into `sink`, with the same header, rows, row numbers
 * and issues as decodeText + parseCsv on the whole file, holding only a piece at a time.
 *
 * Stops with AppError CANCELLED when `signal` aborts (the file stream is destroyed).
 */
export async function streamCsv(
  source: ByteSource,
  opts: CsvReadOptions,
  sink: CsvStreamSink,
  signal?: AbortSignal,
): Promise<CsvReadInfo> {
  try {
    return await streamOnce(source, opts, sink, false, signal);
  } catch (caught) {
    if (!(caught instanceof EncodingRestart)) {
      throw cancelledOr(caught, signal);
    }
    sink.reset?.();
    return await streamOnce(source, opts, sink, true, signal).catch((again: unknown) => {
      throw cancelledOr(again, signal);
    });
  }
}

async function streamOnce(
  source: ByteSource,
  opts: CsvReadOptions,
  sink: CsvStreamSink,
  wholeFile: boolean,
  signal?: AbortSignal,
): Promise<CsvReadInfo> {
  const info: DecodeInfo = { encoding: 'utf-8', guessed: false, undecodable: 0, bytesRead: 0 };
  let parser: CsvStreamParser | undefined;
  let delimiter = opts.delimiter ?? ',';
  let head = '';
  const start = (text: string): CsvStreamParser => {
    delimiter = opts.delimiter ?? detectDelimiter(text);
    const layout = csvLayoutOf(text, delimiter);
    return new CsvStreamParser(
      { ...layout, headerRow: opts.headerRow, headerHints: opts.headerHints },
      sink,
    );
  };
  const pieces = decodeSource(source, { encoding: opts.encoding, wholeFile }, info, signal);
  for await (let text of pieces) {
    signal?.throwIfAborted();
    if (!parser) {
      // parseCsv strips a U+FEFF left at the start of the decoded text; so does this.
      head += head === '' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      if (head.length < LAYOUT_CHARS) {
        continue;
      }
      parser = start(head);
      text = head;
      head = '';
    }
    sink.beforePiece?.(text);
    parser.push(text);
    await sink.afterPiece?.(info);
  }
  parser ??= start(head);
  sink.beforePiece?.(head);
  parser.end(head);
  await sink.afterPiece?.(info);
  return {
    delimiter,
    encoding: info.encoding,
    encodingGuessed: info.guessed,
    undecodableChars: info.undecodable,
    headers: parser.headers ?? [],
    headerRow: parser.headerRow,
    skippedEmpty: parser.skippedEmpty,
  };
}

/** An abort, whatever shape it surfaced in, as AppError CANCELLED; anything else as is. */
export function cancelledOr(caught: unknown, signal?: AbortSignal): unknown {
  if (signal?.aborted || (caught instanceof Error && caught.name === 'AbortError')) {
    return new AppError('CANCELLED', 'Reading the file was cancelled.', { cause: caught });
  }
  return caught;
}
