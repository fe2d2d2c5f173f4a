import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { SourceTable } from '../../shared/table/source-table';
import { PlanIndex } from './plan-index';
import { ReviewIndex, type RowsValidation } from './review-index';

interface OpenFile {
  table: SourceTable;
  /** The last validation of the table, for the review screen to page through. */
  review?: ReviewIndex;
  /** The last push plan of the table, for the plan screen to page through. */
  plan?: PlanIndex;
}

/**
 * Sheets the renderer has opened in this session, by an opaque id. The renderer never
 * holds a path: it hands over bytes once and then refers to the id. Each keeps its last
 * validation, which the review screen reads a page at a time.
 */
export class OpenFiles {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly keep = 8) {}

  /** Stores a read table and returns its id; the oldest sheet is dropped past `keep`. */
  add(table: SourceTable): string {
    const id = `f${randomBytes(9).toString('base64url')}`;
    this.files.set(id, { table });
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

  /** Keeps a validation of the file for review, replacing the one before; returns its index. */
  setValidation(id: string, validation: RowsValidation): ReviewIndex {
    const entry = this.entry(id);
    entry.review = new ReviewIndex(entry.table, validation);
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
