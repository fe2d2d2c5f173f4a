import type { ValidationCounts } from '../jobs/run-types';
import type { RowIssue } from '../table/row-issue';
import { duplicateIssue } from './find-duplicates';
import { KeyIndex } from './key-index';
import { CELL_SEPARATOR } from './packed-rows';
import { ROW_ERROR, ROW_WARNING, type ChunkOutcome, type UniqueCheck } from './validate-chunk';

/** A run of consecutive rows as the reading thread holds them while they are checked. */
export interface RowBatch {
  /** The index, among all data rows, of the batch's first row. */
  first: number;
  /** Every row's number, in order. */
  rows: number[];
  /** Every row's packed cells. */
  packed: string[];
  /** Reading issues by batch index, for the few rows that have some. */
  readIssues: Map<number, RowIssue[]>;
  /** Batch indexes of the rows sent to be checked (no reading error); task row i is sent[i]. */
  sent: number[];
}

/** Options of a {@link ValidationCollector}. */
export interface CollectorOptions {
  uniques: readonly UniqueCheck[];
  /** Keep every issue of every row (the app's review) instead of the first `maxStoredIssues`. */
  keepRowIssues: boolean;
  maxStoredIssues: number;
}

/**
 * The reading thread's half of validation: takes each batch with its chunk outcome, in row
 * order, and does what needs every row before it: the duplicate checks (first claim of each
 * unique key wins, as in findDuplicates), the counts, and the issues kept.
 *
 * Results equal validateTable's: per row, reading issues, then the row check's issues, then
 * duplicate errors in field order; a duplicate makes a valid row invalid.
 */
export class ValidationCollector {
  readonly counts: ValidationCounts = { total: 0, valid: 0, invalid: 0, warnings: 0 };
  /** The first issues in row order (all of them when keeping row issues). */
  readonly issues: RowIssue[] = [];
  /** Issues seen, stored or not. */
  issueCount = 0;
  /** Each row's issues by data-row index, for rows that have some (when keeping them). */
  readonly rowIssues = new Map<number, RowIssue[]>();
  private readonly indexes: KeyIndex[];
  private readonly sized: boolean[];
  private expectedRows = 0;

  constructor(private readonly opts: CollectorOptions) {
    this.indexes = opts.uniques.map(() => new KeyIndex());
    this.sized = opts.uniques.map(() => false);
  }

  /**
   * Expects about `rows` rows: each duplicate index is sized once, at its first keys, for
   * the share of rows that have one (a MAC column filled on a third of rows gets a third),
   * instead of doubling step by step as they come.
   */
  reserve(rows: number): void {
    this.expectedRows = rows;
  }

  /** Whether the next chunks should bring their issues back (false saves cloning them). */
  wantsIssues(): boolean {
    return this.opts.keepRowIssues || this.issues.length < this.opts.maxStoredIssues;
  }

  /** Adds a batch; `outcome` is the check of its sent rows (undefined when none were sent). */
  add(batch: RowBatch, outcome: ChunkOutcome | undefined): void {
    const duplicates = outcome ? this.duplicates(batch, outcome) : undefined;
    // Counted here, not from the issues: a chunk sent after the store filled brings none back.
    this.issueCount += outcome?.issueCount ?? 0;
    let next = 0;
    let sentAt = 0;
    for (let i = 0; i < batch.rows.length; i++) {
      const read = batch.readIssues.get(i);
      // Most rows have no issue: no array is made for them.
      let issues: RowIssue[] | undefined = read ? [...read] : undefined;
      this.issueCount += read?.length ?? 0;
      let valid = false;
      let warned = read?.some((issue) => issue.severity === 'warning') ?? false;
      if (outcome && batch.sent[sentAt] === i) {
        const flags = outcome.flags[sentAt]!;
        while (next < outcome.issueOwners.length && outcome.issueOwners[next] === sentAt) {
          (issues ??= []).push(outcome.issues[next]!);
          next++;
        }
        const hits = duplicates?.get(i);
        if (hits) {
          (issues ??= []).push(...hits);
          this.issueCount += hits.length;
        }
        valid = (flags & ROW_ERROR) === 0 && hits === undefined;
        warned ||= (flags & ROW_WARNING) !== 0;
        sentAt++;
      }
      this.count(batch.first + i, issues, valid, warned);
    }
  }

  private count(index: number, issues: RowIssue[] | undefined, valid: boolean, warned: boolean) {
    this.counts.total++;
    if (valid) {
      this.counts.valid++;
    } else {
      this.counts.invalid++;
    }
    if (warned) {
      this.counts.warnings++;
    }
    if (!issues) {
      return;
    }
    if (this.opts.keepRowIssues) {
      this.rowIssues.set(index, issues);
    }
    for (const issue of issues) {
      if (this.issues.length >= this.opts.maxStoredIssues && !this.opts.keepRowIssues) {
        break;
      }
      this.issues.push(issue);
    }
  }

  /** Claims the batch's unique keys in order; the repeats' errors by batch index. */
  private duplicates(batch: RowBatch, outcome: ChunkOutcome): Map<number, RowIssue[]> | undefined {
    let hits: Map<number, RowIssue[]> | undefined;
    this.opts.uniques.forEach((check, u) => {
      const keys = outcome.keys[u];
      const index = this.indexes[u];
      if (!keys || !index) {
        return;
      }
      if (!this.sized[u] && keys.owners.length > 0 && this.expectedRows > 0) {
        this.sized[u] = true;
        const perRow = keys.owners.length / Math.max(1, batch.sent.length);
        index.reserve(Math.ceil(this.expectedRows * perRow * 1.1));
      }
      for (let k = 0; k < keys.owners.length; k++) {
        const at = batch.sent[keys.owners[k]!]!;
        const row = batch.rows[at]!;
        const first = index.claim(keys.hashes[2 * k]!, keys.hashes[2 * k + 1]!, row);
        if (first === row) {
          continue;
        }
        // Rare: only now is the value read back from the row, to name it in the message.
        const raw = batch.packed[at]!.split(CELL_SEPARATOR)[check.column.index]?.trim() ?? '';
        const part = keys.parts[k]!;
        const value =
          part >= 0 && check.unique.split ? (check.unique.split(raw)[part] ?? raw) : raw;
        hits ??= new Map();
        const list = hits.get(at);
        const issue = duplicateIssue(row, check.column, check.unique, value, first);
        if (list) {
          list.push(issue);
        } else {
          hits.set(at, [issue]);
        }
      }
    });
    return hits;
  }
}
