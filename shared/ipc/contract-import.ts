import { z } from 'zod';
import { ExportFormat } from '../results/export-format';
import { ExportedFile } from './app-views';
import { Dataset, FileCheck, Id, MAX_UPLOAD_BASE64, PageArgs } from './contract-common';
import {
  Delimiter,
  ImportPreview,
  PlanAction,
  PlannedRowView,
  PlanView,
  ProblemView,
  RowFilter,
  TextEncoding,
  ValidatedRowView,
  ValidationView,
} from './import-views';

/** The channels of opening, checking and planning a sheet (see contract.ts). */
export const importChannels = {
  'files:template': {
    args: z.object({ ...Dataset, format: ExportFormat }).strict(),
    result: ExportedFile,
  },
  'import:open': {
    args: z
      .object({
        ...Dataset,
        fileName: z.string().min(1).max(255),
        dataBase64: z.string().max(MAX_UPLOAD_BASE64),
        // Overrides of what detection chose, when the admin reopens the file (encoding and
        // delimiter for text files, header row for both).
        encoding: TextEncoding.optional(),
        delimiter: Delimiter.optional(),
        headerRow: z.number().int().positive().max(1_000_000).optional(),
        // The worksheet of a workbook to read, by name; absent: the first visible with data.
        sheet: z.string().min(1).max(255).optional(),
      })
      .strict(),
    result: ImportPreview,
  },
  'import:validate': {
    args: z
      .object({
        ...FileCheck,
      })
      .strict(),
    result: ValidationView,
  },
  // The validated rows, a page at a time: `offset` counts through all rows or, with
  // only: 'problems', through the rows with an issue. `total` is how many there are.
  'import:rows': {
    args: z.object({ fileId: Id, ...PageArgs, only: RowFilter }).strict(),
    result: z.object({
      total: z.number().int().nonnegative(),
      rows: z.array(ValidatedRowView),
    }),
  },
  // Every issue, in row order, errors before warnings within a row; a page at a time.
  'import:problems': {
    args: z.object({ fileId: Id, ...PageArgs }).strict(),
    result: z.object({
      total: z.number().int().nonnegative(),
      items: z.array(ProblemView),
    }),
  },
  // Where source row `row` is among all rows or the problem rows: its index, or -1.
  'import:locate': {
    args: z
      .object({ fileId: Id, row: z.number().int().nonnegative().max(100_000_000), only: RowFilter })
      .strict(),
    result: z.object({ index: z.number().int().min(-1) }),
  },
  // One source column of every row (the results screen names rows by it): row numbers and
  // values, in row order.
  'import:column': {
    args: z.object({ fileId: Id, index: z.number().int().nonnegative().max(10_000) }).strict(),
    result: z.object({
      rows: z.array(z.number().int().positive()),
      values: z.array(z.string()),
    }),
  },
  // Plans a push of the open file against the connection's target (reads only, paced at
  // its rate); main keeps the plan with the file, replacing any earlier one.
  'import:plan': {
    args: z
      .object({
        ...FileCheck,
        connectionId: Id,
        allowUpdates: z.boolean(),
      })
      .strict(),
    result: PlanView,
  },
  // The last plan's rows, a page at a time, all of them or those of one action.
  'import:planned': {
    args: z.object({ fileId: Id, ...PageArgs, action: PlanAction.optional() }).strict(),
    result: z.object({
      total: z.number().int().nonnegative(),
      rows: z.array(PlannedRowView),
    }),
  },
} as const;
