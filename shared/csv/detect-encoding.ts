/** Encodings batchline reads text files in, as WHATWG labels; an admin may force any of them. */
export const SUPPORTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
/** One of {@link SUPPORTED_ENCODINGS}. */
export type SupportedEncoding = (typeof SUPPORTED_ENCODINGS)[number];

/** What the bytes of a text file are, and how sure that is. */
export interface DetectedEncoding {
  encoding: SupportedEncoding;
  /** True when no BOM or strict check proved it: the admin should be able to see and change it. */
  guessed: boolean;
  /** Bytes of byte-order mark to skip (0 when none). */
  bomLength: number;
}

const UTF16_SAMPLE_BYTES = 4096;

/**
 * Decides the encoding of a text file from its bytes, or from its first bytes when
 * `complete` is false (a streaming reader's first chunk; a character cut at the end is fine).
 *
 * 1. A BOM decides: UTF-8, UTF-16LE, UTF-16BE.
 * 2. UTF-16 without a BOM shows as NULs in every other byte (ASCII-range text), a guess.
 * 3. Bytes that are strict UTF-8 are UTF-8: text in an 8-bit encoding with accents almost
 *    never is, so this is a proof, not a guess.
 * 4. Otherwise a guess: UTF-8 damaged here and there when valid multi-byte sequences
 *    outnumber the invalid bytes (a UTF-8 export edited in an 8-bit tool); else Windows-1252,
 *    what Excel on Western Windows saves as "CSV".
 */
export function detectEncoding(bytes: Uint8Array, complete = true): DetectedEncoding {
  return sniffEncoding(bytes, complete).detected;
}

/**
 * {@link detectEncoding}, plus the text when step 3 already decoded it, so a caller that
 * needs the text does not decode the file twice.
 */
export function sniffEncoding(
  bytes: Uint8Array,
  complete: boolean,
): { detected: DetectedEncoding; utf8Text?: string } {
  const bom = bomOf(bytes);
  if (bom) {
    return { detected: { ...bom, guessed: false } };
  }
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) {
    return { detected: { encoding: utf16, guessed: true, bomLength: 0 } };
  }
  try {
    const utf8Text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, {
      stream: !complete,
    });
    return { detected: { encoding: 'utf-8', guessed: false, bomLength: 0 }, utf8Text };
  } catch {
    const { valid, invalid } = scanUtf8(bytes);
    const encoding = valid > invalid ? 'utf-8' : 'windows-1252';
    return { detected: { encoding, guessed: true, bomLength: 0 } };
  }
}

/** The BOM at the start of `bytes`, if any. */
export function bomOf(
  bytes: Uint8Array,
): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomLength: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', bomLength: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', bomLength: 2 };
  }
  return undefined;
}

/**
 * UTF-16 without a BOM, by its NULs: ASCII-range text has a NUL as the high byte of nearly
 * every unit, while CSV text in an 8-bit encoding has none. CJK units can have a NUL low
 * byte, so a few NULs on the other side are tolerated; the sample must also decode cleanly.
 */
function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
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
  const guess =
    oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.05
      ? 'utf-16le'
      : evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.05
        ? 'utf-16be'
        : undefined;
  if (!guess) {
    return undefined;
  }
  try {
    new TextDecoder(guess, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
    return guess;
  } catch {
    return undefined;
  }
}

/** Counts well-formed UTF-8 multi-byte sequences and bytes that cannot be UTF-8. */
function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      continue;
    }
    const length =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const next = bytes[i + k]!;
      ok = next >= 0x80 && next <= 0xbf;
    }
    if (ok) {
      valid++;
      i += length - 1;
    } else {
      invalid++;
    }
  }
  return { valid, invalid };
}
