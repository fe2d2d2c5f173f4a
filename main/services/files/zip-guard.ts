const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** What the central directory of a zip archive says about its contents. */
export interface ZipInventory {
  entries: number;
  /** The sum of the declared uncompressed sizes of every entry. */
  inflatedBytes: number;
}

/**
 * Reads a zip's central directory without inflating anything.
 *
 * Used to refuse XLSX zip bombs before exceljs inflates them (a 416 KB file took ~960 MB):
 * the declared sizes are honest in every bomb made by ordinary tools. A crafted archive can
 * lie about them; that needs a streaming reader with a byte budget (the large-file issue).
 * Returns undefined when the bytes are not a readable zip.
 */
export function readZipInventory(bytes: Uint8Array): ZipInventory | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd === undefined) {
    return undefined;
  }
  let entries = view.getUint16(eocd + 10, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) {
    const zip64 = readZip64Eocd(view, eocd);
    if (!zip64) {
      return undefined;
    }
    ({ entries, directoryOffset } = zip64);
  }
  let inflatedBytes = 0;
  let pos = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (pos + 46 > view.byteLength || view.getUint32(pos, true) !== CENTRAL_ENTRY_SIGNATURE) {
      return undefined;
    }
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLength = view.getUint16(pos + 32, true);
    let size = view.getUint32(pos + 24, true);
    if (size === 0xffffffff) {
      size = zip64Size(view, pos + 46 + nameLength, extraLength) ?? Number.POSITIVE_INFINITY;
    }
    inflatedBytes += size;
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, inflatedBytes };
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
): { entries: number; directoryOffset: number } | undefined {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
    return undefined;
  }
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
    return undefined;
  }
  return {
    entries: Number(view.getBigUint64(record + 32, true)),
    directoryOffset: Number(view.getBigUint64(record + 48, true)),
  };
}

/** The uncompressed size from an entry's zip64 extra field (id 0x0001), which comes first. */
function zip64Size(view: DataView, start: number, length: number): number | undefined {
  let pos = start;
  while (pos + 4 <= start + length && pos + 4 <= view.byteLength) {
    const id = view.getUint16(pos, true);
    const size = view.getUint16(pos + 2, true);
    if (id === 0x0001 && size >= 8 && pos + 12 <= view.byteLength) {
      return Number(view.getBigUint64(pos + 4, true));
    }
    pos += 4 + size;
  }
  return undefined;
}
