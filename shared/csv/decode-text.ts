import { decodeWindows1252 } from './windows-1252';

/** The text of a file plus how it was decoded; `guessed` means no BOM or strict check proved it. */
export interface DecodedText {
  text: string;
  /** A WHATWG encoding label: utf-8, utf-16le, utf-16be or windows-1252. */
  encoding: string;
  guessed: boolean;
}

/** Encodings an admin may force when the guess is wrong (BAD-INPUTS #3: "overridable"). */
export const SUPPORTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
/** One of {@link SUPPORTED_ENCODINGS}. */
export type SupportedEncoding = (typeof SUPPORTED_ENCODINGS)[number];

/**
 * Decodes the bytes of a text file (CSV, TSV) into a string without a BOM.
 *
 * A BOM decides (UTF-8, UTF-16LE, UTF-16BE) and is stripped. Without one, the bytes are
 * tried as strict UTF-8; if that fails they are Windows-1252 (what Excel writes as "CSV" on
 * Western Windows), reported as guessed. UTF-16LE without a BOM is recognised by its NUL
 * high bytes. Pass `encoding` to override the detection.
 */
export function decodeText(bytes: Uint8Array, encoding?: SupportedEncoding): DecodedText {
  if (encoding) {
    const bomLength = bomLengthFor(bytes, encoding);
    return { text: decode(bytes.subarray(bomLength), encoding, false), encoding, guessed: false };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: decode(bytes.subarray(3), 'utf-8', false), encoding: 'utf-8', guessed: false };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return {
      text: decode(bytes.subarray(2), 'utf-16le', false),
      encoding: 'utf-16le',
      guessed: false,
    };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return {
      text: decode(bytes.subarray(2), 'utf-16be', false),
      encoding: 'utf-16be',
      guessed: false,
    };
  }
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) {
    return { text: decode(bytes, utf16, false), encoding: utf16, guessed: true };
  }
  try {
    // Strict UTF-8 proves itself: cp1252 text with accents is almost never valid UTF-8.
    return { text: decode(bytes, 'utf-8', true), encoding: 'utf-8', guessed: false };
  } catch {
    return { text: decode(bytes, 'windows-1252', false), encoding: 'windows-1252', guessed: true };
  }
}

function decode(bytes: Uint8Array, encoding: SupportedEncoding, fatal: boolean): string {
  if (encoding === 'windows-1252') {
    return decodeWindows1252(bytes);
  }
  // ignoreBOM keeps a second BOM (after the one we stripped) visible instead of eating it.
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function bomLengthFor(bytes: Uint8Array, encoding: SupportedEncoding): number {
  if (encoding === 'utf-8') {
    return startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  }
  if (encoding === 'utf-16le') {
    return startsWith(bytes, [0xff, 0xfe]) ? 2 : 0;
  }
  if (encoding === 'utf-16be') {
    return startsWith(bytes, [0xfe, 0xff]) ? 2 : 0;
  }
  return 0;
}

/** ASCII-heavy UTF-16 has a NUL in every other byte; real CSV text in 8-bit encodings has none. */
function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) {
    return undefined;
  }
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) {
      evenNuls++;
    }
    if (bytes[i + 1] === 0) {
      oddNuls++;
    }
  }
  const pairs = n / 2;
  if (oddNuls > pairs * 0.4 && evenNuls === 0) {
    return 'utf-16le';
  }
  if (evenNuls > pairs * 0.4 && oddNuls === 0) {
    return 'utf-16be';
  }
  return undefined;
}
