import { bomOf, sniffEncoding, type SupportedEncoding } from './detect-encoding';
import { decodeWindows1252 } from './windows-1252';

// Re-exported so callers that decode find the encodings they may force in the same module.
export { SUPPORTED_ENCODINGS, type SupportedEncoding } from './detect-encoding';

/** The text of a file plus how it was decoded; `guessed` means no BOM or strict check proved it. */
export interface DecodedText {
  text: string;
  /** A WHATWG encoding label: utf-8, utf-16le, utf-16be or windows-1252. */
  encoding: SupportedEncoding;
  guessed: boolean;
}

/**
 * Decodes the bytes of a text file (CSV, TSV) into a string without a BOM.
 *
 * Detection is {@link detectEncoding}'s: a BOM decides; strict UTF-8 proves itself; BOM-less
 * UTF-16, damaged UTF-8 and the Windows-1252 fallback are reported as guessed. Pass
 * `encoding` to override detection (BAD-INPUTS #3, "overridable"): the result is then not a
 * guess, that encoding's BOM is still stripped, and bytes it cannot decode become U+FFFD,
 * which callers can count to tell the admin the choice looks wrong.
 *
 * Decoding uses TextDecoder (Node and browsers alike) for UTF-8 and UTF-16, and our own
 * table for Windows-1252 because Node 20's TextDecoder decodes that label as Latin-1.
 */
export function decodeText(bytes: Uint8Array, encoding?: SupportedEncoding): DecodedText {
  if (encoding) {
    const bomLength = bomLengthFor(bytes, encoding);
    return { text: decode(bytes.subarray(bomLength), encoding), encoding, guessed: false };
  }
  const { detected, utf8Text } = sniffEncoding(bytes, true);
  const text = utf8Text ?? decode(bytes.subarray(detected.bomLength), detected.encoding);
  return { text, encoding: detected.encoding, guessed: detected.guessed };
}

/** How many U+FFFD replacement characters a decoded text holds: bytes the encoding could not read. */
export function countReplacementChars(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    count++;
  }
  return count;
}

function decode(bytes: Uint8Array, encoding: SupportedEncoding): string {
  if (encoding === 'windows-1252') {
    return decodeWindows1252(bytes);
  }
  // ignoreBOM keeps a second BOM (after the one we stripped) visible instead of eating it.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function bomLengthFor(bytes: Uint8Array, encoding: SupportedEncoding): number {
  const bom = bomOf(bytes);
  return bom?.encoding === encoding ? bom.bomLength : 0;
}
