import { AppError } from '../../../../shared/errors';
import type { XlsxArchive } from './xlsx-archive';
import { rootElement, opensElement, richText, scanXmlChunks } from './xml-chunk-scan';
import { decodeCellText, ownString, xmlTextChunks } from './xml-text';
import { size, XLSX_LIMITS } from './zip-budget';
import { inflateEntry, type InflateOptions } from './zip-entry-stream';

/**
 * Reads xl/sharedStrings.xml, the table of texts that cells refer to by index (Excel
 * writes every text cell this way). Streamed: the part can be large, and only the strings
 * themselves are kept, each as plain text (rich runs joined, phonetic guides left out).
 */
export async function readSharedStrings(
  archive: XlsxArchive,
  path: string | undefined,
  opts: InflateOptions = {},
): Promise<string[]> {
  const entry = path === undefined ? undefined : archive.entry(path);
  if (!entry) {
    return [];
  }
  const { fileName } = archive;
  if (entry.size > XLSX_LIMITS.maxSharedStringsBytes) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: its shared texts would take ${size(entry.size)}, over the ${size(XLSX_LIMITS.maxSharedStringsBytes)} batchline holds; save the sheet as CSV instead`,
    );
  }
  const strings: string[] = [];
  let prefix: string | undefined;
  const scan = (text: string): number => {
    let pos = 0;
    if (prefix === undefined) {
      const root = rootElement(text);
      if (!root) {
        return 0;
      }
      prefix = root.prefix;
      pos = root.end;
    }
    const close = `</${prefix}si>`;
    for (;;) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) {
        return text.length;
      }
      const gt = text.indexOf('>', lt);
      if (gt < 0) {
        return lt;
      }
      if (!opensElement(text, lt, prefix, 'si')) {
        pos = gt + 1;
        continue;
      }
      if (text.charCodeAt(gt - 1) === 47) {
        strings.push('');
        pos = gt + 1;
        continue;
      }
      const end = text.indexOf(close, gt);
      if (end < 0) {
        return lt;
      }
      strings.push(ownString(decodeCellText(richText(text, gt + 1, end, prefix))));
      pos = end + close.length;
    }
  };
  const chunks = xmlTextChunks(inflateEntry(archive.bytes, entry, fileName, opts));
  await scanXmlChunks(chunks, scan, fileName, entry.name);
  return strings;
}
