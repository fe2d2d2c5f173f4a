import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DatasetDef } from '../../shared/datasets/dataset';
import { getDataset } from '../../shared/datasets/registry';
import { Mapping, type Kind, type Target } from '../../shared/datasets/targets';
import { checkMapping, suggestMapping } from '../../shared/mapping/suggest-mapping';
import type { SourceTable } from '../../shared/table/source-table';
import { readTableFile } from '../services/files/read-table-file';

/** A sheet read, its dataset resolved and its columns mapped: ready to validate or push. */
export interface LoadedSheet {
  path: string;
  table: SourceTable;
  dataset: DatasetDef;
  mapping: Mapping;
}

/** Reads a --map FILE.json: an object of field → source header. */
export async function readMapFile(path: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (caught) {
    throw new AppError(
      'FILE_UNREADABLE',
      `Cannot read the mapping file ${path}: ${(caught as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('PARSE_FAILED', `The mapping file ${path} is not valid JSON.`);
  }
  const parsed = Mapping.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'PARSE_FAILED',
      `The mapping file ${path} must be an object of field → column header, e.g. {"email": "Work Email"}.`,
    );
  }
  return parsed.data;
}

/** Resolves the dataset or says clearly that this target × kind is not available. */
export function datasetFor(target: Target, kind: Kind, country?: string): DatasetDef {
  if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) {
    throw new AppError(
      'USAGE',
      `--country must be a two-letter country code such as US or GB, got "${country}".`,
    );
  }
  const dataset = getDataset(target, kind, { defaultCountry: country?.toUpperCase() });
  if (!dataset) {
    throw new AppError(
      'USAGE',
      `--target ${target} --kind ${kind} is not supported by this version of batchline.`,
    );
  }
  return dataset;
}

/**
 * The mapping of a sheet's headers: matched automatically, with a --map file's entries on
 * top; refuses (MAPPING_INCOMPLETE, naming the problem) when the mapping has a blocking
 * problem. Synchronous, so the streaming validator can call it when the header arrives.
 */
export function sheetMapping(
  headers: string[],
  dataset: DatasetDef,
  file: string,
  fromFile?: Mapping,
  onWarning?: (message: string) => void,
): Mapping {
  const suggested = suggestMapping(headers, dataset).mapping;
  const mapping = fromFile ? { ...suggested, ...fromFile } : suggested;
  const issues = checkMapping(headers, dataset, mapping);
  for (const issue of issues) {
    if (issue.severity === 'warning') {
      onWarning?.(`${file}: ${issue.message}`);
    }
  }
  const blocking = issues.filter((issue) => issue.severity === 'error');
  if (blocking.length > 0) {
    const hint = blocking.some((issue) => issue.code === 'REQUIRED_UNMAPPED')
      ? ' Map it with --map FILE.json.'
      : '';
    throw new AppError(
      'MAPPING_INCOMPLETE',
      `${file}: ${blocking.map((issue) => issue.message).join('; ')}.${hint}`,
    );
  }
  return mapping;
}

/**
 * Reads FILE, maps its headers (auto-matched, then --map on top) and refuses to go on
 * when the mapping has a blocking problem, naming it.
 */
export async function loadSheet(
  file: string,
  cwd: string,
  options: {
    target: Target;
    kind: Kind;
    sheet?: string;
    mapFile?: string;
    country?: string;
    /** Mapping warnings (a column without a header, a misspelt field), one line each. */
    onWarning?: (message: string) => void;
  },
): Promise<LoadedSheet> {
  const dataset = datasetFor(options.target, options.kind, options.country);
  const path = resolve(cwd, file);
  const table = await readTableFile(path, options.sheet ? { sheet: options.sheet } : {});
  if (table.headers.length === 0) {
    throw new AppError('FILE_EMPTY', `${file} has no header row.`);
  }
  if (table.rows.length === 0) {
    throw new AppError('FILE_EMPTY', `${file} has a header row but no data rows.`);
  }
  const fromFile = options.mapFile ? await readMapFile(resolve(cwd, options.mapFile)) : undefined;
  const mapping = sheetMapping(table.headers, dataset, file, fromFile, options.onWarning);
  return { path, table, dataset, mapping };
}
