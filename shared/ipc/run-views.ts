import { z } from 'zod';
import { SerializedAppError } from '../errors';
import { Kind, Target } from '../datasets/targets';
import { RunProgress, RunSummary, RowResult } from '../jobs/run-types';
import { Id } from './contract-common';

export const JobState = z.object({
  jobId: Id,
  /** stopped: ended early for a reason the admin can fix (token, daily limit, target down). */
  state: z.enum(['running', 'completed', 'stopped', 'failed', 'cancelled']),
  stopReason: z.string().optional(),
  progress: RunProgress,
  summary: RunSummary.optional(),
  results: z.array(RowResult).optional(),
  error: SerializedAppError.optional(),
});
export type JobState = z.infer<typeof JobState>;

/** A past or running push, as the Runs page lists it (from the run folder, never a token). */
export const RunView = z.object({
  runId: z.string(),
  target: Target,
  kind: Kind,
  fileName: z.string(),
  createdAt: z.string(),
  /** interrupted: the journal says running but no process is pushing it (crash, app closed). */
  state: z.enum(['running', 'completed', 'stopped', 'cancelled', 'interrupted']),
  stopReason: z.string().optional(),
  summary: RunSummary.optional(),
  resumable: z.boolean(),
  /** Why a run that stopped cannot be resumed here, and where it can (a CLI run). */
  note: z.string().optional(),
  /** The live job pushing it in this app session, if any. */
  jobId: Id.optional(),
});
export type RunView = z.infer<typeof RunView>;

/** Events main pushes to the renderer on the `jobs:event` channel; always carry the jobId. */
export const JobEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), jobId: Id, progress: RunProgress }),
  z.object({ type: z.literal('completed'), jobId: Id, summary: RunSummary }),
  z.object({ type: z.literal('stopped'), jobId: Id, summary: RunSummary, reason: z.string() }),
  z.object({ type: z.literal('failed'), jobId: Id, error: SerializedAppError }),
  z.object({ type: z.literal('cancelled'), jobId: Id }),
]);
export type JobEvent = z.infer<typeof JobEvent>;
