import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileSource, type ByteSource } from './byte-source';

const WORKBOOK_EXTENSIONS = new Set(['.xls', '.xlsx', '.xlsm', '.xltx', '.xltm']);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The file as a byte source when readTableFile would read it as text (CSV, TSV, TXT: not a
 * workbook by name or by its first bytes); undefined otherwise, and for anything it cannot
 * open or that is empty, so that readTableFile reports those with its usual messages.
 */
export async function streamableText(path: string): Promise<ByteSource | undefined> {
  const name = basename(path);
  if (WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase())) {
    return undefined;
  }
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size === 0) {
      return undefined;
    }
    const file = await open(path, 'r');
    const head = new Uint8Array(OLE_MAGIC.length);
    try {
      await file.read(head, 0, head.length, 0);
    } finally {
      await file.close();
    }
    const starts = (magic: readonly number[]) => magic.every((b, i) => head[i] === b);
    return starts(ZIP_MAGIC) || starts(OLE_MAGIC) ? undefined : fileSource(path, info.size, name);
  } catch {
    return undefined;
  }
}
