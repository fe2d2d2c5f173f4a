import { AppError } from '../../../../shared/errors';
import { readZipDirectory, type ZipEntry } from '../zip-guard';
import { assertWorkbookBudget, XLSX_LIMITS } from './zip-budget';
import { inflateEntryWhole } from './zip-entry-stream';
import { attr, xmlDocumentText, xmlTags } from './xml-text';

/** A workbook's zip, opened: its entries by path, checked against the size budget. */
export interface XlsxArchive {
  bytes: Uint8Array;
  fileName: string;
  /** The entry at `path` (as a relationship names it), or undefined. */
  entry(path: string): ZipEntry | undefined;
  /** The text of a small part (XML read whole), or undefined when the part is absent. */
  partText(path: string): string | undefined;
}

/** One relationship of a part: what it points at, resolved to a path inside the zip. */
export interface Relationship {
  id: string;
  /** The last segment of the relationship type: worksheet, styles, sharedStrings… */
  type: string;
  path: string;
}

/**
 * Opens the zip of an .xlsx: reads the central directory, refuses truncated archives and
 * zip bombs, and tells apart the zips that are not Excel workbooks (.ods, .xlsb, .docx).
 *
 * Nothing is inflated here except, later and on demand, the parts asked for.
 */
export function openXlsxArchive(bytes: Uint8Array, fileName: string): XlsxArchive {
  const entries = readZipDirectory(bytes);
  if (!entries) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: the file is incomplete or damaged (its zip archive is cut short); copy or download it again`,
    );
  }
  assertWorkbookBudget(entries, fileName);
  const byPath = new Map<string, ZipEntry>();
  for (const entry of entries) {
    byPath.set(entry.name, entry);
    // Some writers differ in case or a leading slash from what their relationships say.
    const folded = entry.name.replace(/^\//, '').toLowerCase();
    if (!byPath.has(folded)) {
      byPath.set(folded, entry);
    }
  }
  const entry = (path: string): ZipEntry | undefined =>
    byPath.get(path) ?? byPath.get(path.replace(/^\//, '').toLowerCase());
  return {
    bytes,
    fileName,
    entry,
    partText(path) {
      const found = entry(path);
      return found
        ? xmlDocumentText(inflateEntryWhole(bytes, found, fileName, XLSX_LIMITS.maxPartBytes))
        : undefined;
    },
  };
}

/** The path of the workbook part, from the package relationships; refuses non-workbooks. */
export function workbookPath(archive: XlsxArchive): string {
  const fromRels = readRelationships(archive, '_rels/.rels', '').find(
    (rel) => rel.type === 'officeDocument' && rel.path.toLowerCase().endsWith('.xml'),
  );
  const path = fromRels?.path ?? 'xl/workbook.xml';
  if (archive.entry(path)) {
    return path;
  }
  const { fileName } = archive;
  const refuse = (what: string): AppError =>
    new AppError('PARSE_FAILED', `Cannot read ${fileName}: ${what}`);
  if (archive.entry('xl/workbook.bin')) {
    throw refuse(
      'it is an Excel binary workbook (.xlsb); open it in Excel and save it as .xlsx or CSV UTF-8',
    );
  }
  if (archive.entry('content.xml') && archive.entry('mimetype')) {
    throw refuse(
      'it is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV UTF-8 and open that',
    );
  }
  if (archive.entry('word/document.xml') || archive.entry('ppt/presentation.xml')) {
    throw refuse('it is a Word or PowerPoint document, not an Excel workbook');
  }
  throw refuse('it is a zip archive but not an Excel workbook (it has no workbook part)');
}

/**
 * The relationships of the part at `partPath` (read from `relsPath`), targets resolved
 * against the part's folder; external links are left out. Absent file → none.
 */
export function readRelationships(
  archive: XlsxArchive,
  relsPath: string,
  partFolder: string,
): Relationship[] {
  const xml = archive.partText(relsPath);
  if (xml === undefined) {
    return [];
  }
  const rels: Relationship[] = [];
  for (const tag of xmlTags(xml)) {
    if (
      tag.closing ||
      tag.name !== 'Relationship' ||
      attr(tag.source, 'TargetMode') === 'External'
    ) {
      continue;
    }
    const id = attr(tag.source, 'Id');
    const type = attr(tag.source, 'Type');
    const target = attr(tag.source, 'Target');
    if (id !== undefined && type !== undefined && target !== undefined) {
      rels.push({
        id,
        type: type.slice(type.lastIndexOf('/') + 1),
        path: resolve(partFolder, target),
      });
    }
  }
  return rels;
}

/** The folder of a part (`xl/` for `xl/workbook.xml`) and the path of its relationships. */
export function relsOf(partPath: string): { folder: string; rels: string } {
  const slash = partPath.lastIndexOf('/');
  const folder = partPath.slice(0, slash + 1);
  return { folder, rels: `${folder}_rels/${partPath.slice(slash + 1)}.rels` };
}

function resolve(folder: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : folder + target;
  const parts: string[] = [];
  for (const part of joined.replace(/\\/g, '/').split('/')) {
    if (part === '..') {
      parts.pop();
    } else if (part !== '.' && part !== '') {
      parts.push(part);
    }
  }
  return parts.join('/');
}
