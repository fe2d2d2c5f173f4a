import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { SourceTable } from '../../shared/table/source-table';

/**
 * Sheets the renderer has opened in this session, by an opaque id. The renderer never
 * holds a path: it hands over bytes once and then refers to the id.
 */
export class OpenFiles {
  private readonly files = new Map<string, SourceTable>();

  constructor(private readonly keep = 8) {}

  /** Stores a read table and returns its id; the oldest sheet is dropped past `keep`. */
  add(table: SourceTable): string {
    const id = `f${randomBytes(9).toString('base64url')}`;
    this.files.set(id, table);
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
    const table = this.files.get(id);
    if (!table) {
      throw new AppError('NOT_FOUND', 'This file is no longer open; open it again.');
    }
    return table;
  }
}
