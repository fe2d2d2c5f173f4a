import { randomBytes } from 'node:crypto';
import type { BatchInput } from '../../shared/batch/batch-file';
import type { Mapping } from '../../shared/datasets/targets';
import { AppError } from '../../shared/errors';
import type { SourceTable } from '../../shared/table/source-table';
import type { Precheck } from '../services/pipeline/open-upload';
import type { DatasetSpec } from '../services/pipeline/worker-protocol';
import { PlanIndex } from './plan-index';
import { ReviewIndex, type RowsValidation } from './review-index';
import { TableEdits } from './table-edits';

/**
 * Where an open table came from: what a `.batchline` file records so the same table can be
 * read again later, and checked to be the same (sha256 of the bytes as uploaded), with the
 * read choices the admin forced (absent: as detected).
 */
export type FileOrigin = BatchInput['source'];

interface OpenFile {
  table: SourceTable;
  origin?: FileOrigin;
  /** The admin's cell edits, applied to `table.rows` in place. */
  edits: TableEdits;
  /** The last validation of the table, for the review screen to page through. */
  review?: ReviewIndex;
  /** The last push plan of the table, for the plan screen to page through. */
  plan?: PlanIndex;
  /** A check made while the file was read, until the first import:validate. */
  precheck?: Precheck;
}

/**
 * Sheets the renderer has opened in this session, by an opaque id. The renderer never
 * holds a path: it hands over bytes once and then refers to the id. Each keeps its last
 * validation, which the review screen reads a page at a time.
 */
export class OpenFiles {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly keep = 8) {}

  /**
   * Stores a read table and returns its id; the oldest sheet is dropped past `keep`. A
   * `precheck` (its rows checked while reading) waits for the first {@link takePrecheck}.
   */
  add(table: SourceTable, origin?: FileOrigin, precheck?: Precheck): string {
    const id = `f${randomBytes(9).toString('base64url')}`;
    this.files.set(id, {
      table,
      edits: new TableEdits(table),
      ...(origin ? { origin } : {}),
      ...(precheck ? { precheck } : {}),
    });
    while (this.files.size > this.keep) {
      const oldest = this.files.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.files.delete(oldest);
    }
    return id;
  }

  /** The table for an id, or NOT_FOUND telling the admin to open the file again. */
  get(id: string): SourceTable {
    return this.entry(id).table;
  }

  /** Where the file came from, when main was told (import:open always tells it). */
  origin(id: string): FileOrigin | undefined {
    return this.entry(id).origin;
  }

  /** The admin's edits of the file. Applying one makes its validation and plan stale. */
  edits(id: string): TableEdits {
    return this.entry(id).edits;
  }

  /** Drops the file's validation and plan after its rows changed; check it again. */
  invalidate(id: string): void {
    const entry = this.entry(id);
    delete entry.review;
    delete entry.plan;
    delete entry.precheck;
  }

  /**
   * The check made while the file was read, if it was made with this dataset and mapping
   * and no cell has been edited since; asked once, by the first import:validate (later
   * ones may follow edits, so the check is dropped either way).
   */
  takePrecheck(id: string, dataset: DatasetSpec, mapping: Mapping): RowsValidation | undefined {
    const entry = this.entry(id);
    const { precheck } = entry;
    delete entry.precheck;
    return precheck &&
      entry.edits.count === 0 &&
      sameSpec(precheck.dataset, dataset) &&
      sameMapping(precheck.mapping, mapping)
      ? precheck.validation
      : undefined;
  }

  /** Keeps a validation of the file for review, replacing the one before; returns its index. */
  setValidation(id: string, validation: RowsValidation): ReviewIndex {
    const entry = this.entry(id);
    entry.review = new ReviewIndex(entry.table, validation, entry.edits);
    // A plan was made from the validation before; a new check makes it stale.
    delete entry.plan;
    return entry.review;
  }

  /** Keeps a push plan of the file, replacing the one before. */
  setPlan(id: string, plan: PlanIndex): void {
    this.entry(id).plan = plan;
  }

  /** The file's last plan, or NOT_FOUND when it is not open or not planned yet. */
  plan(id: string): PlanIndex {
    const { plan } = this.entry(id);
    if (!plan) {
      throw new AppError('NOT_FOUND', 'This file has not been planned yet; plan the push again.');
    }
    return plan;
  }

  /** The file's last validation, or NOT_FOUND when it is not open or not validated yet. */
  review(id: string): ReviewIndex {
    const { review } = this.entry(id);
    if (!review) {
      throw new AppError('NOT_FOUND', 'This file has not been checked yet; check it again.');
    }
    return review;
  }

  /** The file's last validation, if it has one (undefined also when it is not open). */
  currentReview(id: string): ReviewIndex | undefined {
    return this.files.get(id)?.review;
  }

  /** Forgets a file and its validation. */
  close(id: string): void {
    this.files.delete(id);
  }

  private entry(id: string): OpenFile {
    const entry = this.files.get(id);
    if (!entry) {
      throw new AppError('NOT_FOUND', 'This file is no longer open; open it again.');
    }
    return entry;
  }
}

function sameSpec(a: DatasetSpec, b: DatasetSpec): boolean {
  return (
    a.target === b.target &&
    a.kind === b.kind &&
    (a.defaultCountry ?? '') === (b.defaultCountry ?? '')
  );
}

function sameMapping(a: Mapping, b: Mapping): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
