import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { JobState } from '../../shared/ipc/contract';
import type { SourceTable } from '../../shared/table/source-table';

/** A push started from the app: its live state, its source sheet and how to cancel it. */
export interface JobRecord {
  state: JobState;
  /** The run folder's id once the push has created it. */
  runId?: string;
  table: SourceTable;
  /** Source columns holding passwords or PINs, known once the push ends: exports empty them. */
  hidden?: ReadonlySet<number>;
  controller: AbortController;
}

/** Owns the app's running and finished jobs (no module-level state: one per AppServices). */
export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();

  /** Registers a new job in the running state and returns its id. */
  create(table: SourceTable, total: number): { jobId: string; record: JobRecord } {
    const jobId = `j${randomBytes(9).toString('base64url')}`;
    const record: JobRecord = {
      table,
      controller: new AbortController(),
      state: {
        jobId,
        state: 'running',
        progress: { done: 0, total, requests: 0, retries: 0, requestsPerSecond: 0 },
      },
    };
    this.jobs.set(jobId, record);
    return { jobId, record };
  }

  /** The job, or NOT_FOUND. */
  get(jobId: string): JobRecord {
    const record = this.jobs.get(jobId);
    if (!record) {
      throw new AppError('NOT_FOUND', `No job ${jobId} in this session.`);
    }
    return record;
  }

  /** The job of a run in this session: the running one, else the latest (a resume is a new job). */
  byRunId(runId: string): { jobId: string; record: JobRecord } | undefined {
    let latest: { jobId: string; record: JobRecord } | undefined;
    for (const [jobId, record] of this.jobs) {
      if (record.runId !== runId) {
        continue;
      }
      if (record.state.state === 'running') {
        return { jobId, record };
      }
      latest = { jobId, record };
    }
    return latest;
  }

  /** Aborts every running job (app shutdown); each stops after its request in flight. */
  cancelAll(): void {
    for (const record of this.jobs.values()) {
      record.controller.abort();
    }
  }
}
