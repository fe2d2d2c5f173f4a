/**
 * Test helper: the XML parts of an .xlsx, read straight from the zip (central directory,
 * then inflate), so tests can check what is in the file rather than what a reader makes of it.
 */
import { inflateRawSync } from 'node:zlib';

/** Every entry of a zip archive by name, inflated to text. */
export function zipEntries(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) {
    end--;
  }
  if (end < 0) {
    throw new Error('not a zip: no end of central directory');
  }
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, string>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const dataStart =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    entries.set(
      name.replace(/^\//, ''),
      decoder.decode(method === 8 ? inflateRawSync(data) : data),
    );
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The XML of worksheet n (1-based), or a failure naming what the archive holds. */
export function sheetXml(entries: Map<string, string>, n: number): string {
  const xml = entries.get(`xl/worksheets/sheet${n}.xml`);
  if (xml === undefined) {
    throw new Error(`no sheet${n}.xml in ${[...entries.keys()].join(', ')}`);
  }
  return xml;
}

/** The `t` attribute of every <c> element that has content, in document order. */
export function cellTypes(xml: string): string[] {
  const types: string[] = [];
  for (const match of xml.matchAll(/<c\b([^>]*?)(\/>|>)/g)) {
    const attributes = match[1] ?? '';
    if (match[2] === '/>') {
      continue;
    }
    types.push(/\bt="([^"]*)"/.exec(attributes)?.[1] ?? 'n');
  }
  return types;
}
