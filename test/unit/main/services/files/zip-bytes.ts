/** Test helper: hand-made zip archives. */

/** A zip with one empty stored entry whose central directory declares `declaredSize` bytes. */
export function zipDeclaring(declaredSize: number, name = 'xl/worksheets/sheet1.xml'): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const local = new DataView(new ArrayBuffer(30 + nameBytes.length));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(26, nameBytes.length, true);
  new Uint8Array(local.buffer).set(nameBytes, 30);
  const central = new DataView(new ArrayBuffer(46 + nameBytes.length));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint32(24, declaredSize, true);
  central.setUint16(28, nameBytes.length, true);
  new Uint8Array(central.buffer).set(nameBytes, 46);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, central.byteLength, true);
  end.setUint32(16, local.byteLength, true);
  const out = new Uint8Array(local.byteLength + central.byteLength + end.byteLength);
  out.set(new Uint8Array(local.buffer), 0);
  out.set(new Uint8Array(central.buffer), local.byteLength);
  out.set(new Uint8Array(end.buffer), local.byteLength + central.byteLength);
  return out;
}
