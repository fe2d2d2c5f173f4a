import type { RowResult, RunProgress } from '../../../shared/jobs/run-types';

/** Mutable counters of one run; owned by the batch runner, read by progress reporting. */
export class PushState {
  readonly results = new Map<number, RowResult>();
  requests = 0;
  retries = 0;
  private readonly started: number;

  constructor(
    readonly total: number,
    private readonly now: () => number,
  ) {
    this.started = now();
  }

  /** Records a row's final outcome; the first outcome wins so a row is never counted twice. */
  settle(result: RowResult): boolean {
    if (this.results.has(result.row)) {
      return false;
    }
    this.results.set(result.row, result);
    return true;
  }

  /** A snapshot for the progress bar and the CLI's progress line. */
  /** Recent (time, requests) samples: the rate shown is over the last five seconds. */
  private readonly samples: [number, number][] = [];

  private recentRate(now: number): number {
    if (this.samples.length === 0) {
      this.samples.push([this.started, 0]);
    }
    this.samples.push([now, this.requests]);
    while (this.samples.length > 2 && (this.samples[1]?.[0] ?? now) <= now - 5000) {
      this.samples.shift();
    }
    const [since, before] = this.samples[0] ?? [this.started, 0];
    // At least a second of span: the opening burst is not the pace.
    return ((this.requests - before) / Math.max(1000, now - since)) * 1000;
  }

  progress(waitingUntil = 0, limit?: number): RunProgress {
    const now = this.now();
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const done = this.results.size;
    // Rows per second so far; after a second or so it is a fair guide to the time left.
    const pace = done / seconds;
    const eta = seconds >= 1 && pace > 0 ? Math.ceil((this.total - done) / pace) : undefined;
    return {
      done,
      total: this.total,
      requests: this.requests,
      retries: this.retries,
      requestsPerSecond: Math.round(this.recentRate(now) * 10) / 10,
      ...(limit !== undefined ? { limit: Math.round(limit * 10) / 10 } : {}),
      ...(eta !== undefined ? { etaSeconds: eta } : {}),
      ...(waitingUntil > 0 ? { waitingUntil } : {}),
    };
  }
}
