const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;
const SATURATED_32 = 0xffffffff;

/** One file of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  /** The path inside the archive, with `/` separators. */
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  flags: number;
  compressedSize: number;
  /** The declared uncompressed size: what the entry promises to inflate to. */
  size: number;
  localHeaderOffset: number;
}

/** What the central directory of a zip archive says about its contents. */
export interface ZipInventory {
  entries: number;
  /** The sum of the declared uncompressed sizes of every entry. */
  inflatedBytes: number;
}

/**
 * Reads a zip's central directory (names, methods, sizes) without inflating anything.
 *
 * This is what the XLSX reader checks before it inflates a byte: zip bombs declare their
 * sizes, and an entry that inflates past what it declared is stopped while it is read.
 * Returns undefined when the bytes are not a readable zip (no end record, a directory that
 * runs past the end: a truncated download).
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd === undefined) {
    return undefined;
  }
  let count = view.getUint16(eocd + 10, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === SATURATED_32) {
    const zip64 = readZip64Eocd(view, eocd);
    if (!zip64) {
      return undefined;
    }
    ({ count, directoryOffset } = zip64);
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let pos = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > view.byteLength || view.getUint32(pos, true) !== CENTRAL_ENTRY_SIGNATURE) {
      return undefined;
    }
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLength = view.getUint16(pos + 32, true);
    if (pos + 46 + nameLength + extraLength > view.byteLength) {
      return undefined;
    }
    const sizes = zip64Sizes(view, pos, pos + 46 + nameLength, extraLength);
    const raw = bytes.subarray(pos + 46, pos + 46 + nameLength);
    entries.push({
      name: decoder.decode(raw).replace(/\\/g, '/'),
      method: view.getUint16(pos + 10, true),
      flags: view.getUint16(pos + 8, true),
      ...sizes,
    });
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Counts a zip's entries and adds up their declared sizes, without inflating anything.
 *
 * Returns undefined when the bytes are not a readable zip.
 */
export function readZipInventory(bytes: Uint8Array): ZipInventory | undefined {
  const entries = readZipDirectory(bytes);
  if (!entries) {
    return undefined;
  }
  const inflatedBytes = entries.reduce((sum, entry) => sum + entry.size, 0);
  return { entries: entries.length, inflatedBytes };
}

function findEocd(view: DataView): number | undefined {
  const last = view.byteLength - EOCD_MIN_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let pos = last; pos >= first; pos--) {
    if (view.getUint32(pos, true) === EOCD_SIGNATURE) {
      return pos;
    }
  }
  return undefined;
}

function readZip64Eocd(
  view: DataView,
  eocd: number,
): { count: number; directoryOffset: number } | undefined {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
    return undefined;
  }
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
    return undefined;
  }
  return {
    count: Number(view.getBigUint64(record + 32, true)),
    directoryOffset: Number(view.getBigUint64(record + 48, true)),
  };
}

/**
 * The entry's sizes and offset; a field saturated at 0xFFFFFFFF lives in the zip64 extra
 * field (id 0x0001), which holds only the saturated ones, in this order.
 */
function zip64Sizes(
  view: DataView,
  header: number,
  extraStart: number,
  extraLength: number,
): Pick<ZipEntry, 'size' | 'compressedSize' | 'localHeaderOffset'> {
  let size = view.getUint32(header + 24, true);
  let compressedSize = view.getUint32(header + 20, true);
  let localHeaderOffset = view.getUint32(header + 42, true);
  if (
    size !== SATURATED_32 &&
    compressedSize !== SATURATED_32 &&
    localHeaderOffset !== SATURATED_32
  ) {
    return { size, compressedSize, localHeaderOffset };
  }
  let pos = extraStart;
  const end = Math.min(extraStart + extraLength, view.byteLength);
  while (pos + 4 <= end) {
    const id = view.getUint16(pos, true);
    const length = view.getUint16(pos + 2, true);
    if (id === 0x0001) {
      let field = pos + 4;
      const next = (): number => {
        // A missing field reads as infinite: the size check then refuses the entry.
        const value = field + 8 <= end ? Number(view.getBigUint64(field, true)) : Infinity;
        field += 8;
        return value;
      };
      size = size === SATURATED_32 ? next() : size;
      compressedSize = compressedSize === SATURATED_32 ? next() : compressedSize;
      localHeaderOffset = localHeaderOffset === SATURATED_32 ? next() : localHeaderOffset;
      return { size, compressedSize, localHeaderOffset };
    }
    pos += 4 + length;
  }
  return { size: Infinity, compressedSize, localHeaderOffset };
}
