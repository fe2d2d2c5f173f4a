import { readRelationships, relsOf, workbookPath, type XlsxArchive } from './xlsx-archive';
import { attr, xmlTags } from './xml-text';

/** Whether Excel shows a sheet's tab: veryHidden sheets can only be shown from VBA. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A worksheet of the workbook, in tab order. */
export interface WorkbookSheet {
  name: string;
  state: SheetState;
  /** The sheet's XML inside the zip. */
  path: string;
}

/** What the workbook part says: its worksheets, date system and the shared parts' paths. */
export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  /** The 1904 date system (old Mac workbooks): serial 0 is 1904-01-01. */
  date1904: boolean;
  sharedStringsPath: string | undefined;
  stylesPath: string | undefined;
}

/**
 * Reads xl/workbook.xml and its relationships.
 *
 * Only worksheets are listed: chart sheets and macro sheets hold no rows to import. A sheet
 * whose relationship points at no part is left out (some tools leave such stubs).
 */
export function readWorkbookInfo(archive: XlsxArchive): WorkbookInfo {
  const path = workbookPath(archive);
  const { folder, rels } = relsOf(path);
  const relationships = readRelationships(archive, rels, folder);
  const byId = new Map(relationships.map((rel) => [rel.id, rel]));
  const xml = archive.partText(path) ?? '';
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  for (const tag of xmlTags(xml)) {
    if (tag.closing) {
      continue;
    }
    if (tag.name === 'workbookPr') {
      const flag = attr(tag.source, 'date1904');
      date1904 = flag === '1' || flag === 'true';
    } else if (tag.name === 'sheet') {
      const name = attr(tag.source, 'name');
      const rel = byId.get(relationshipId(tag.source) ?? '');
      if (name !== undefined && rel?.type === 'worksheet' && archive.entry(rel.path)) {
        sheets.push({ name, state: stateOf(attr(tag.source, 'state')), path: rel.path });
      }
    }
  }
  const partOf = (type: string): string | undefined =>
    relationships.find((rel) => rel.type === type && archive.entry(rel.path))?.path;
  return {
    sheets,
    date1904,
    sharedStringsPath: partOf('sharedStrings') ?? existing(archive, `${folder}sharedStrings.xml`),
    stylesPath: partOf('styles') ?? existing(archive, `${folder}styles.xml`),
  };
}

/** The sheet's relationship id, whatever prefix the writer gave the relationships namespace. */
function relationshipId(source: string): string | undefined {
  const direct = attr(source, 'r:id');
  if (direct !== undefined) {
    return direct;
  }
  const match = /\s[A-Za-z0-9_]+:id=["']([^"']*)["']/.exec(source);
  return match?.[1];
}

function stateOf(value: string | undefined): SheetState {
  return value === 'hidden' || value === 'veryHidden' ? value : 'visible';
}

function existing(archive: XlsxArchive, path: string): string | undefined {
  return archive.entry(path) ? path : undefined;
}
