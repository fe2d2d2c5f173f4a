import { AppError } from '../../shared/errors';
import type { DatasetDef } from '../../shared/datasets/dataset';
import { getDataset } from '../../shared/datasets/registry';
import type { Kind, Target } from '../../shared/datasets/targets';
import type { ImportPreview, ValidationView } from '../../shared/ipc/contract';
import { checkMapping, suggestMapping } from '../../shared/mapping/suggest-mapping';
import { templateFileName } from '../../shared/results/export-format';
import { templateTable } from '../../shared/templates/template';
import { validateTable } from '../../shared/validation/validate-table';
import { readTableBytes } from '../services/files/read-table-file';
import { csvDownload, xlsxDownload } from '../services/files/write-download';
import { templateSheets } from '../services/files/xlsx-writer/template-workbook';
import type { OpenFiles } from '../app/open-files';
import type { Handlers } from './router';

/** The dataset for a request, or a clear refusal. */
export function requireDataset(target: Target, kind: Kind, country?: string): DatasetDef {
  const dataset = getDataset(target, kind, { defaultCountry: country });
  if (!dataset) {
    throw new AppError('USAGE', `${target} ${kind} is not available in this version of batchline.`);
  }
  return dataset;
}

/** Handlers for opening a sheet, mapping it and validating it; all offline. */
export function importHandlers(
  files: OpenFiles,
): Pick<Handlers, 'import:open' | 'import:validate' | 'files:template'> {
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

    async 'import:open'({ target, kind, fileName, dataBase64 }): Promise<ImportPreview> {
      const dataset = requireDataset(target, kind);
      const table = await readTableBytes(Buffer.from(dataBase64, 'base64'), fileName);
      if (table.headers.length === 0) {
        throw new AppError('FILE_EMPTY', `${fileName} is empty: it has no header row.`);
      }
      if (table.rows.length === 0) {
        throw new AppError('FILE_EMPTY', `${fileName} has a header row but no data rows.`);
      }
      const suggested = suggestMapping(table.headers, dataset);
      return {
        fileId: files.add(table),
        fileName: table.fileName,
        format: table.format,
        ...(table.encoding ? { encoding: table.encoding } : {}),
        ...(table.delimiter ? { delimiter: table.delimiter } : {}),
        headers: table.headers,
        rowCount: table.rows.length,
        skippedEmpty: table.skippedEmpty,
        sampleRows: table.rows.slice(0, 5).map((row) => row.cells),
        readIssues: table.issues.slice(0, 200),
        fields: dataset.fields.map(({ key, label, required, description, example }) => ({
          key,
          label,
          required,
          description,
          example,
        })),
        suggestedMapping: suggested.mapping,
        mappingIssues: checkMapping(table.headers, dataset, suggested.mapping),
      };
    },

    async 'import:validate'({ target, kind, fileId, mapping, country }): Promise<ValidationView> {
      const table = files.get(fileId);
      const dataset = requireDataset(target, kind, country);
      const validated = validateTable(table, dataset, mapping);
      return {
        counts: validated.counts,
        headers: table.headers,
        mappingIssues: checkMapping(table.headers, dataset, mapping),
        rows: validated.rows.map((row) => ({ row: row.row, cells: row.cells, issues: row.issues })),
      };
    },
  };
}
