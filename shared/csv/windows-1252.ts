// WHATWG windows-1252 for bytes 0x80-0x9F; every other byte is its own code point.
const HIGH_CONTROL_RANGE = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const CHUNK = 8192;

/**
 * Decodes Windows-1252 bytes (what Excel on Western Windows saves as "CSV").
 *
 * Done by hand because Node 20's TextDecoder('windows-1252') decodes ISO-8859-1 instead,
 * turning € – ’ “ ” into invisible C1 controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      units[i - start] = b >= 0x80 && b <= 0x9f ? HIGH_CONTROL_RANGE[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}
