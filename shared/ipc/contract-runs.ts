import { z } from 'zod';
import { ExportFormat } from '../results/export-format';
import { ExportedFile } from './app-views';
import { Id, PageArgs, RunId } from './contract-common';
import { RunDetail, RunRowStatus, RunRowView } from './run-detail-views';
import { RunView } from './run-views';

/** The Runs page's channels: the runs folder, one run opened, resume and exports (see contract.ts). */
export const runChannels = {
  'runs:list': { args: z.object({}).strict(), result: z.object({ runs: z.array(RunView) }) },
  // One run: its summary, where it pushed and each outcome's count (pending included).
  'runs:get': { args: z.object({ runId: RunId }).strict(), result: RunDetail },
  // The run's rows with their outcomes, a page at a time, all of them or those of one status.
  'runs:rows': {
    args: z.object({ runId: RunId, ...PageArgs, status: RunRowStatus.optional() }).strict(),
    result: z.object({
      total: z.number().int().nonnegative(),
      rows: z.array(RunRowView),
    }),
  },
  'runs:resume': { args: z.object({ runId: RunId }).strict(), result: z.object({ jobId: Id }) },
  // The results sheet or the failed rows; CSV (the file kept with the run) unless told XLSX.
  'runs:export': {
    args: z
      .object({
        runId: RunId,
        which: z.enum(['all', 'failed']),
        format: ExportFormat.optional(),
      })
      .strict(),
    result: ExportedFile,
  },
} as const;
