/** Test helper: hand-made zip archives whose central directory says what a test needs. */

/** What the central directory declares for each entry. */
export interface DeclaredEntry {
  compressedSize?: number;
  flags?: number;
  method?: number;
  /** How many entries like this one (named name, name-1, name-2…). */
  count?: number;
}

/**
 * A zip whose entries are empty stored data but whose central directory declares
 * `declaredSize` bytes each (and `compressedSize`, 0 by default): a bomb as the directory
 * tells it, without the bytes.
 */
export function zipDeclaring(
  declaredSize: number,
  name = 'xl/worksheets/sheet1.xml',
  declared: DeclaredEntry = {},
): Uint8Array {
  const count = declared.count ?? 1;
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const nameBytes = new TextEncoder().encode(i === 0 ? name : `${name}-${i}`);
    const local = new DataView(new ArrayBuffer(30 + nameBytes.length));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(26, nameBytes.length, true);
    new Uint8Array(local.buffer).set(nameBytes, 30);
    const central = new DataView(new ArrayBuffer(46 + nameBytes.length));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, declared.flags ?? 0, true);
    central.setUint16(10, declared.method ?? 0, true);
    central.setUint32(20, declared.compressedSize ?? 0, true);
    central.setUint32(24, declaredSize, true);
    central.setUint16(28, nameBytes.length, true);
    central.setUint32(42, offset, true);
    new Uint8Array(central.buffer).set(nameBytes, 46);
    locals.push(new Uint8Array(local.buffer));
    centrals.push(new Uint8Array(central.buffer));
    offset += local.byteLength;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, count, true);
  end.setUint16(10, count, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, new Uint8Array(end.buffer)]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
