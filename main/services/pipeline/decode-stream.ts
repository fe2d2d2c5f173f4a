import { AppError } from '../../../shared/errors';
import { countReplacementChars } from '../../../shared/csv/decode-text';
import {
  bomOf,
  detectEncoding,
  type DetectedEncoding,
  type SupportedEncoding,
} from '../../../shared/csv/detect-encoding';
import { decodeWindows1252 } from '../../../shared/csv/windows-1252';
import { bufferSource, readAll, type ByteSource } from './byte-source';

/** How a streamed text was decoded; filled in as the stream goes. */
export interface DecodeInfo {
  encoding: SupportedEncoding;
  guessed: boolean;
  /** U+FFFD characters in the text: bytes the encoding could not read. */
  undecodable: number;
  bytesRead: number;
}

/** What a read may force, or learned on a first attempt. */
export interface DecodeChoice {
  encoding?: SupportedEncoding;
  /** With `encoding`: it was detected, not chosen by the admin. */
  guessed?: boolean;
  /** Detect on the whole file's bytes rather than its first 64 KiB (see EncodingRestart). */
  wholeFile?: boolean;
}

/**
 * Thrown when a file that began as strict UTF-8 turns out not to be, after text was already
 * handed on: decodeText would have judged the whole file, so the caller starts the read
 * again with `wholeFile`. Rare: such a file was edited in an 8-bit tool.
 */
export class EncodingRestart extends Error {
  constructor() {
    super('the file is not strict UTF-8 after all; reading it again');
  }
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a source piece by piece into text, deciding the encoding as decodeText decides it
 * for the whole file: a BOM or UTF-16 from the first bytes; strict UTF-8 proven as the
 * stream goes (EncodingRestart if disproved); anything else judged on every byte. Refuses
 * binary (NUL) with the same error as the whole-file reader.
 */
export async function* decodeSource(
  source: ByteSource,
  choice: DecodeChoice,
  info: DecodeInfo,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  if (choice.wholeFile && !choice.encoding) {
    const bytes = await readAll(source, signal);
    const { encoding, guessed } = detectEncoding(bytes);
    yield* decodeSource(bufferSource(bytes, source.name), { encoding, guessed }, info, signal);
    return;
  }
  const pieces = source.open(signal)[Symbol.asyncIterator]();
  try {
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let done = false;
    while (headBytes < SNIFF_BYTES && !done) {
      const piece = await nextPiece(pieces);
      done = piece === undefined;
      if (piece) {
        head.push(piece);
        headBytes += piece.length;
      }
    }
    const first = Buffer.concat(head);
    const detected = choose(first, choice, done);
    if (!detected) {
      // Neither a BOM, UTF-16 nor strict UTF-8 at the start: the whole file decides.
      yield* decodeSource(source, { wholeFile: true }, info, signal);
      return;
    }
    info.encoding = detected.encoding;
    info.guessed = detected.guessed;
    const strict = !choice.encoding && detected.encoding === 'utf-8' && !detected.guessed;
    const decode = decoderOf(detected.encoding, strict);
    const emit = (bytes: Uint8Array, last: boolean): string => {
      info.bytesRead += bytes.length;
      const text = decode(bytes, last);
      if (text.includes('\u0000')) {
        throw new AppError(
          'PARSE_FAILED',
          `Cannot read ${source.name}: it is not a text file (it contains binary data); batchline reads CSV, TSV and .xlsx files`,
        );
      }
      info.undecodable += countReplacementChars(text);
      return text;
    };
    yield emit(first.subarray(detected.bomLength), done);
    while (!done) {
      const piece = await nextPiece(pieces);
      done = piece === undefined;
      yield emit(piece ?? new Uint8Array(0), done);
    }
  } catch (caught) {
    if (
      caught instanceof TypeError &&
      (caught as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
    ) {
      throw new EncodingRestart();
    }
    throw caught;
  } finally {
    await pieces.return?.();
  }
}

/** The next piece of bytes, or undefined at the end. */
async function nextPiece(pieces: AsyncIterator<Uint8Array>): Promise<Uint8Array | undefined> {
  const next: IteratorResult<Uint8Array, unknown> = await pieces.next();
  return next.done ? undefined : next.value;
}

/** The encoding to stream with, or undefined when only the whole file can tell. */
function choose(
  first: Uint8Array,
  choice: DecodeChoice,
  complete: boolean,
): DetectedEncoding | undefined {
  if (choice.encoding) {
    const bom = bomOf(first);
    const bomLength = bom?.encoding === choice.encoding ? bom.bomLength : 0;
    return { encoding: choice.encoding, guessed: choice.guessed ?? false, bomLength };
  }
  const detected = detectEncoding(first, complete);
  if (
    detected.guessed &&
    detected.encoding !== 'utf-16le' &&
    detected.encoding !== 'utf-16be' &&
    !complete
  ) {
    return undefined;
  }
  return detected;
}

function decoderOf(
  encoding: SupportedEncoding,
  strict: boolean,
): (bytes: Uint8Array, last: boolean) => string {
  if (encoding === 'windows-1252') {
    return (bytes) => decodeWindows1252(bytes);
  }
  // ignoreBOM keeps a second BOM (after the one skipped) visible, as decodeText does.
  const decoder = new TextDecoder(encoding, { fatal: strict, ignoreBOM: true });
  return (bytes, last) => decoder.decode(bytes, { stream: !last });
}
