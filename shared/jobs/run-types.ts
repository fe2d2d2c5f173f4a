import { z } from 'zod';

/** The outcome of one source row after a run (DESIGN.md "Results and Export"). */
export const ResultStatus = z.enum(['created', 'updated', 'skipped', 'failed', 'invalid']);
export type ResultStatus = z.infer<typeof ResultStatus>;

/** What happened to one source row; `row` is its row number in the source file. */
export const RowResult = z.object({
  row: z.number().int().positive(),
  status: ResultStatus,
  id: z.string().optional(),
  message: z.string(),
});
export type RowResult = z.infer<typeof RowResult>;

/** The run summary: the CLI's --json object and the app's results header. */
export const RunSummary = z.object({
  runId: z.string(),
  total: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** A progress report during a push; sent a few times a second, never once per row. */
export const RunProgress = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  requestsPerSecond: z.number().nonnegative(),
  /** The rate the run is allowed now (lowered after a 429, recovering after successes). */
  limit: z.number().nonnegative().optional(),
  /** Seconds left at the current pace, once there is a pace to go by. */
  etaSeconds: z.number().nonnegative().optional(),
  waitingUntil: z.number().optional(),
});
export type RunProgress = z.infer<typeof RunProgress>;

/** Counts of a validation pass, also the CLI's validate --json header. */
export const ValidationCounts = z.object({
  total: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});
export type ValidationCounts = z.infer<typeof ValidationCounts>;
