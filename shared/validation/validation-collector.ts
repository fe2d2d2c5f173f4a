import type { ValidationCounts } from '../jobs/run-types';
import type { RowIssue } from '../table/row-issue';
import { duplicateIssue } from './find-duplicates';
import { KeyClaims } from './key-claims';
import { CELL_SEPARATOR, type PackedRows } from './packed-rows';
import { ROW_ERROR, ROW_WARNING, type ChunkOutcome, type UniqueCheck } from './validate-chunk';

/** A run of consecutive rows as the reading thread holds them while they are checked. */
export interface RowBatch {
  /** The index, among all data rows, of the batch's first row. */
  first: number;
  /** Every row's number, in order. */
  rows: number[];
  /** Every row's packed cells. */
  packed: PackedRows;
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
  private readonly claims: KeyClaims;

  constructor(private readonly opts: CollectorOptions) {
    this.claims = new KeyClaims(opts.uniques.length);
  }

  /** Sizes the duplicate indexes for about `rows` rows (see KeyClaims.reserve). */
  reserve(rows: number): void {
    this.claims.reserve(rows);
  }

  /** The rows expected by reserve() (0: unknown). */
  get expectedRows(): number {
    return this.claims.expected;
  }

  /** Whether the next chunks should bring their issues back (false saves cloning them). */
  wantsIssues(): boolean {
    return this.opts.keepRowIssues || this.issues.length < this.opts.maxStoredIssues;
  }

  /**
   * Adds a batch; `outcome` is the check of its sent rows (undefined when none were sent).
   * `hits` are its keys' repeats when a claims worker claimed them (KeyClaims.claim, in batch
   * order); without, they are claimed here.
   */
  add(batch: RowBatch, outcome: ChunkOutcome | undefined, hits?: Int32Array): void {
    const duplicates = outcome
      ? this.duplicates(batch, hits ?? this.claims.claim(outcome.keys, outcome.rows))
      : undefined;
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

  /** The repeats' errors by batch index, in field order within a row. */
  private duplicates(batch: RowBatch, hits: Int32Array): Map<number, RowIssue[]> | undefined {
    let byRow: Map<number, RowIssue[]> | undefined;
    for (let h = 0; h < hits.length; h += 4) {
      const check = this.opts.uniques[hits[h]!]!;
      const at = batch.sent[hits[h + 1]!]!;
      const part = hits[h + 2]!;
      // Rare: only now is the value read back from the row, to name it in the message.
      const raw = batch.packed.get(at).split(CELL_SEPARATOR)[check.column.index]?.trim() ?? '';
      const value = part >= 0 && check.unique.split ? (check.unique.split(raw)[part] ?? raw) : raw;
      const issue = duplicateIssue(
        batch.rows[at]!,
        check.column,
        check.unique,
        value,
        hits[h + 3]!,
      );
      byRow ??= new Map();
      const list = byRow.get(at);
      if (list) {
        list.push(issue);
      } else {
        byRow.set(at, [issue]);
      }
    }
    return byRow;
  }
}
