import { maskSecrets, secretColumns } from '../../shared/datasets/secret-columns';
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { DatasetDef } from '../../shared/datasets/dataset';
import { getDataset } from '../../shared/datasets/registry';
import type { Kind, Target } from '../../shared/datasets/targets';
import type { ArgsOf, ImportPreview, SheetView, ValidationView } from '../../shared/ipc/contract';
import type { RowIssue } from '../../shared/table/row-issue';
import { columnWidths } from '../../shared/table/column-widths';
import type { RowsValidation } from '../app/review-index';
import {
  checkMapping,
  hasBlockingIssues,
  suggestMapping,
} from '../../shared/mapping/suggest-mapping';
import { fieldNames } from '../../shared/mapping/hr-synonyms';
import { fitRememberedMapping } from '../../shared/mapping/remembered-mapping';
import { countReplacementChars, decodeText } from '../../shared/csv/decode-text';
import type { SupportedEncoding } from '../../shared/csv/detect-encoding';
import { detectCsvHeaderRow, type HeaderRowChoice } from '../../shared/csv/detect-header-row';
import { parseCsv } from '../../shared/csv/parse-csv';
import type { SourceTable } from '../../shared/table/source-table';
import { templateFileName } from '../../shared/results/export-format';
import { templateTable } from '../../shared/templates/template';
import { validateTable, type ValidatedTable } from '../../shared/validation/validate-table';
import { readTableBytes } from '../services/files/read-table-file';
import { openWorkbookUpload } from '../services/files/open-workbook';
import { csvDownload, xlsxDownload } from '../services/files/write-download';
import { templateSheets } from '../services/files/xlsx-writer/template-workbook';
import type { OpenFiles } from '../app/open-files';
import { silentLogger, type Logger } from '../lib/logger';
import type { MappingMemory } from '../services/settings/mapping-memory';
import {
  openBigTextUpload,
  validateForReview,
  type Precheck,
  type PrecheckBasis,
} from '../services/pipeline/open-upload';
import type { Handlers } from './router';

/** The dataset for a request, or a clear refusal. */
export function requireDataset(target: Target, kind: Kind, country?: string): DatasetDef {
  const dataset = getDataset(target, kind, { defaultCountry: country });
  if (!dataset) {
    throw new AppError('USAGE', `${target} ${kind} is not available in this version of batchline.`);
  }
  return dataset;
}

/**
 * Handlers for opening a sheet, mapping it and validating it; all offline.
 *
 * With a `memory`, the mapping an admin continues with is kept per dataset and set of
 * columns, and the next file with those columns opens with it (when it still fits).
 */
export function importHandlers(
  files: OpenFiles,
  memory?: MappingMemory,
  log: Logger = silentLogger,
): Pick<
  Handlers,
  | 'import:open'
  | 'import:validate'
  | 'import:rows'
  | 'import:problems'
  | 'import:locate'
  | 'import:column'
  | 'files:template'
> {
  return {
    async 'files:template'({ target, kind, format }) {
      const dataset = requireDataset(target, kind);
      const fileName = templateFileName(target, kind, format);
      if (format === 'xlsx') {
        return xlsxDownload(fileName, templateSheets(dataset));
      }
      const table = templateTable(dataset);
      return csvDownload(fileName, table.headers, table.rows);
    },

    async 'import:open'({ target, kind, fileName, dataBase64, ...choices }) {
      const bytes = Buffer.from(dataBase64, 'base64');
      return previewSheet({ files, memory }, { target, kind, fileName, bytes, choices });
    },

    async 'import:validate'({ target, kind, fileId, mapping, country }): Promise<ValidationView> {
      const table = files.get(fileId);
      const dataset = requireDataset(target, kind, country);
      const spec = { target, kind, ...(country ? { defaultCountry: country } : {}) };
      // A big sheet may have been checked with this mapping while it was read; else big
      // sheets are checked on worker threads (main/services/pipeline), keeping this thread
      // free for IPC, and small ones here. Same counts and issues every way.
      const validated =
        files.takePrecheck(fileId, spec, mapping) ??
        (await validateForReview(table, spec, mapping)) ??
        issuesOf(validateTable(table, dataset, mapping));
      const mappingIssues = checkMapping(table.headers, dataset, mapping);
      if (memory && !hasBlockingIssues(mappingIssues)) {
        // The admin is moving past the mapping screen with this mapping: the moment to keep
        // it for the next file with these columns. Failing to save must not fail the check.
        await memory
          .remember(target, kind, table.headers, mapping, country)
          .catch((caught: unknown) => {
            log.warn('import.mapping-not-remembered', { reason: String(caught) });
          });
      }
      // Kept with the file (replacing an earlier check): the screen pages through it, with
      // passwords and PINs masked (review-index.ts).
      const secrets = secretColumns(dataset, mapping, table.headers);
      const review = files.setValidation(fileId, { ...validated, secretColumns: secrets.indexes });
      return {
        counts: validated.counts,
        headers: table.headers,
        mappingIssues,
        rowCount: review.rowCount,
        problemRowCount: review.problemRows.length,
        problemCount: review.problemCount,
        errorCount: review.errorCount,
        lastRow: review.lastRow,
        columnWidths: columnWidths(table.headers, table.rows.length, (i) => table.rows[i]!.cells),
        editedCells: files.edits(fileId).count,
        ...(secrets.indexes.size > 0 ? { maskedColumns: [...secrets.indexes] } : {}),
      };
    },

    async 'import:rows'({ fileId, offset, limit, only }) {
      return files.review(fileId).rows(offset, limit, only);
    },

    async 'import:problems'({ fileId, offset, limit }) {
      return files.review(fileId).problems(offset, limit);
    },

    async 'import:locate'({ fileId, row, only }) {
      return { index: files.review(fileId).locate(row, only) };
    },

    async 'import:column'({ fileId, index }) {
      const table = files.get(fileId);
      const rows = new Array<number>(table.rows.length);
      const values = new Array<string>(table.rows.length);
      for (let i = 0; i < table.rows.length; i++) {
        const source = table.rows[i]!;
        rows[i] = source.row;
        values[i] = source.cells[index] ?? '';
      }
      return { rows, values };
    },
  };
}

/** Where an opened sheet is kept, and the mappings remembered for its columns. */
export interface PreviewDeps {
  files: OpenFiles;
  memory?: MappingMemory | undefined;
  /**
   * Check a big text sheet's rows while reading it, with the mapping the preview suggests
   * (default true). Off when the table is edited before its first check (a batch's edits).
   */
  precheck?: boolean;
}

/** The read choices import:open takes besides the file (encoding, delimiter, header row…). */
export type OpenChoices = Omit<
  ArgsOf<'import:open'>,
  'target' | 'kind' | 'fileName' | 'dataBase64'
>;

/**
 * Turns a sheet's bytes into the preview the mapping screen shows, keeping the table open
 * in `files`. import:open (bytes from the renderer) and files.ipc.ts (a file main read
 * from disk) both open sheets through here, so both read and map them the same way.
 */
export async function previewSheet(
  { files, memory, precheck = true }: PreviewDeps,
  {
    target,
    kind,
    fileName,
    bytes,
    choices,
  }: { target: Target; kind: Kind; fileName: string; bytes: Uint8Array; choices: OpenChoices },
): Promise<ImportPreview> {
  const dataset = requireDataset(target, kind);
  const mappingFor = (headers: string[]) => {
    const automatic = suggestMapping(headers, dataset).mapping;
    const remembered = memory?.recall(target, kind, headers);
    const fitted = remembered && fitRememberedMapping(headers, dataset, remembered.mapping);
    // The country goes with the mapping it was chosen with: not with one that no longer fits.
    const country = fitted ? remembered.country : undefined;
    return { automatic, fitted, mapping: fitted ?? automatic, country };
  };
  // The check import:validate will most likely ask for (the suggested mapping and country),
  // when nothing blocks it.
  const basisFor = (headers: string[]) => {
    const { mapping, country } = mappingFor(headers);
    return dataset.crossRowCheck || hasBlockingIssues(checkMapping(headers, dataset, mapping))
      ? undefined
      : { dataset: { target, kind, ...(country ? { defaultCountry: country } : {}) }, mapping };
  };
  const sheet = await openSheet(bytes, fileName, dataset, {
    ...choices,
    ...(precheck ? { precheck: basisFor } : {}),
  });
  const { table } = sheet;
  if (table.headers.length === 0) {
    throw new AppError(
      'FILE_EMPTY',
      choices.headerRow === undefined
        ? `${fileName} is empty: it has no header row.`
        : `${fileName} has nothing on row ${choices.headerRow} or below to use as the header; choose another row.`,
    );
  }
  if (table.rows.length === 0) {
    throw new AppError(
      'FILE_EMPTY',
      `${fileName} has a header row (row ${table.headerRow}${table.sheet ? ` of sheet "${table.sheet}"` : ''}) but no data rows below it.`,
    );
  }
  const { automatic, fitted, mapping, country } = mappingFor(table.headers);
  const hidden = secretColumns(dataset, mapping, table.headers).indexes;
  return {
    fileId: files.add(
      table,
      {
        fileName,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        ...choices,
        // The sheet's name as the workbook spells it (the admin's is matched ignoring case).
        ...(choices.sheet !== undefined && table.sheet ? { sheet: table.sheet } : {}),
      },
      sheet.prechecked,
    ),
    fileName: table.fileName,
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...sheet.decoding,
    ...(table.delimiter ? { delimiter: table.delimiter } : {}),
    headerRow: table.headerRow,
    headerChoices: sheet.headerChoices,
    ...(sheet.sheets ? { sheets: sheet.sheets, sheet: table.sheet } : {}),
    headers: table.headers,
    rowCount: table.rows.length,
    skippedEmpty: table.skippedEmpty,
    // Passwords and PINs (by the suggested mapping or their header) never reach the screen.
    sampleRows: table.rows.slice(0, 5).map((row) => maskSecrets(row.cells, hidden)),
    readIssues: table.issues.slice(0, 200),
    fields: dataset.fields.map(({ key, label, required, description, example }) => ({
      key,
      label,
      required,
      description,
      example,
    })),
    suggestedMapping: mapping,
    automaticMapping: automatic,
    mappingSource: fitted ? 'remembered' : 'automatic',
    ...(country ? { suggestedCountry: country } : {}),
    mappingIssues: checkMapping(table.headers, dataset, mapping),
  };
}

/** The per-row issues of an in-memory validation, for rows that have any. */
function issuesOf(validated: ValidatedTable): RowsValidation {
  const rowIssues = new Map<number, RowIssue[]>();
  validated.rows.forEach((row, index) => {
    if (row.issues.length > 0) {
      rowIssues.set(index, row.issues);
    }
  });
  return { counts: validated.counts, rowIssues };
}

/** What the admin forced when reopening a file; absent means "detect". */
interface ReadChoices {
  encoding?: SupportedEncoding;
  delimiter?: string;
  headerRow?: number;
  sheet?: string;
  /** What to check a big text sheet's rows with while reading it (open-upload.ts). */
  precheck?: (headers: string[]) => PrecheckBasis | undefined;
}

/** A table as read, plus what the File panel shows about how it was read. */
interface OpenedSheet {
  table: SourceTable;
  decoding: { encodingGuessed?: boolean; undecodableChars?: number };
  headerChoices: HeaderRowChoice[];
  /** A workbook's worksheets, for the Sheet select; absent for text. */
  sheets?: SheetView[];
  prechecked?: Precheck;
}

/**
 * Reads an upload with the admin's choices. The reader decides the format and refuses what
 * it cannot read. The header row is decided with the dataset's field names (title rows
 * above a header are common in HR exports) or taken from the admin: by the XLSX reader for
 * workbooks (with the sheet chosen, else the first visible one with data); for text here,
 * re-parsing only when that moves the header.
 */
async function openSheet(
  bytes: Uint8Array,
  fileName: string,
  dataset: DatasetDef,
  choices: ReadChoices,
): Promise<OpenedSheet> {
  const { encoding, delimiter, headerRow } = choices;
  const hints = fieldNames(dataset);
  // A big text file is streamed once, header detection included (main/services/pipeline).
  const streamed = await openBigTextUpload(bytes, fileName, { ...choices, headerHints: hints });
  if (streamed) {
    return streamed;
  }
  const { sheet } = choices;
  const workbook = await openWorkbookUpload(bytes, fileName, {
    sheet,
    headerRow,
    headerHints: hints,
  });
  if (workbook) {
    return workbook;
  }
  const table = await readTableBytes(bytes, fileName, {
    encoding,
    delimiter,
    headerRow,
    headerHints: hints,
  });
  const decoded = decodeText(bytes, encoding);
  const used = table.delimiter ?? delimiter ?? ',';
  const detection = detectCsvHeaderRow(decoded.text, used, hints);
  const wanted = headerRow ?? detection.headerRow;
  const final =
    wanted === table.headerRow
      ? table
      : {
          ...parseCsv(decoded.text, table.fileName, { delimiter: used, headerRow: wanted }),
          encoding: decoded.encoding,
        };
  const undecodable = countReplacementChars(decoded.text);
  return {
    table: final,
    decoding: {
      encodingGuessed: decoded.guessed,
      ...(undecodable > 0 ? { undecodableChars: undecodable } : {}),
    },
    headerChoices: detection.choices,
  };
}
