import type { RunOutcomeCounts } from '../../../../shared/ipc/contract';
import type { RunProgress } from '../../../../shared/jobs/run-types';
import { countOf } from '../../../app/format';
import { etaLabel } from '../../runs/runs-model';

/** The pace of a push against what its connection allows now. */
export interface PaceView {
  /** "4.8/s", or "…" until there is a pace to go by. */
  rate: string;
  /** "· 48% of the 10/s limit", "· at the 10/s limit", or null without a limit. */
  ofLimit: string | null;
  /** The pace as a share of the limit, 0…1, for the meter; null without a limit. */
  share: number | null;
}

/**
 * Requests per second as a share of the connection's current limit (lowered after a 429,
 * recovering after successes).
 *
 * Before main's first ETA (its first second) the pace would be mostly the opening burst,
 * several times the limit, so it shows "…" until then.
 */
export function paceOf(progress: RunProgress | null): PaceView {
  if (!progress || progress.etaSeconds === undefined) {
    return { rate: '…', ofLimit: null, share: null };
  }
  const rate = `${progress.requestsPerSecond.toFixed(1)}/s`;
  const { limit } = progress;
  if (limit === undefined || limit <= 0) {
    return { rate, ofLimit: null, share: null };
  }
  const share = progress.requestsPerSecond / limit;
  // The pace is over the last few seconds and includes the opening burst (half a second's
  // worth of requests at once), so at full speed it can read a little above the limit.
  return {
    rate,
    ofLimit:
      share >= 0.95
        ? `· at the ${formatRate(limit)} limit`
        : `· ${Math.round(share * 100)}% of the ${formatRate(limit)} limit`,
    share: Math.min(1, share),
  };
}

/** "10/s", "0.5/s": a limit without a needless ".0". */
export function formatRate(rate: number): string {
  return `${Number.isInteger(rate) ? rate : rate.toFixed(1)}/s`;
}

/** "about 2 min", or "…" before main has a pace to estimate from. */
export function timeLeftOf(progress: RunProgress | null): string {
  return progress?.etaSeconds === undefined ? '…' : etaLabel(progress.etaSeconds);
}

/** Rows a paused run has finished (every outcome but pending), and rows in all. */
export function pausedProgress(counts: RunOutcomeCounts): { done: number; total: number } {
  const total =
    counts.created +
    counts.updated +
    counts.skipped +
    counts.failed +
    counts.invalid +
    counts.pending;
  return { done: total - counts.pending, total };
}

/** "Paused — 120 of 300 rows done". */
export function pausedHeadline(done: number, total: number): string {
  return `Paused — ${done.toLocaleString()} of ${countOf(total, 'row')} done`;
}
