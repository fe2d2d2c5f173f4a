import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';

/**
 * One line of a run journal. `send` is written before a request goes out, `row` once a
 * row's outcome is known; a row with a `send` but no `row` after a crash was in flight and
 * must be looked up before it is sent again. Journals never hold a token or a header.
 */
export type JournalEntry =
  | {
      t: 'start';
      at: string;
      runId: string;
      rows: number;
      /** Rows the plan will update, with the id of the record each one changes. */
      updates?: [number, string][];
    }
  | { t: 'send'; at: string; request: number; attempt: number; rows: number[] }
  | { t: 'answer'; at: string; request: number; outcome: string; status?: number; message?: string }
  | { t: 'row'; at: string; row: number; status: string; id?: string; message: string }
  | { t: 'end'; at: string; state: 'completed' | 'cancelled' | 'stopped'; reason?: string };

type Draft<E> = E extends JournalEntry ? Omit<E, 'at'> : never;

/**
 * An append-only NDJSON journal, flushed to disk (fdatasync) after every line so that what
 * it says happened survives a crash or power loss.
 */
export class Journal {
  private pending: { text: string; resolve: () => void; reject: (error: AppError) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private broken: AppError | undefined;

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
  ) {}

  /** Opens (creating if needed) the journal for appending. */
  static async open(path: string): Promise<Journal> {
    try {
      return new Journal(await open(path, 'a'), path);
    } catch (caught) {
      throw new AppError(
        'FILE_UNREADABLE',
        `Cannot write the run journal ${path}: ${(caught as Error).message}`,
        {
          cause: caught,
        },
      );
    }
  }

  /** Appends one entry; resolves once it is on disk. */
  append(entry: Draft<JournalEntry>): Promise<void> {
    return this.appendMany([entry]);
  }

  /**
   * Appends entries; resolves once they are on disk. Appends that arrive while a flush is
   * running are written together by the next one (group commit): one write and one
   * fdatasync for many lines, so durability does not cap the push rate.
   */
  appendMany(entries: readonly Draft<JournalEntry>[]): Promise<void> {
    if (this.broken) {
      return Promise.reject(this.broken);
    }
    const at = new Date().toISOString();
    const text = entries.map((entry) => `${JSON.stringify({ ...entry, at })}\n`).join('');
    return new Promise((resolve, reject) => {
      this.pending.push({ text, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0);
      try {
        if (this.broken) {
          throw this.broken;
        }
        await this.handle.write(group.map((item) => item.text).join(''));
        await this.handle.datasync();
        for (const item of group) {
          item.resolve();
        }
      } catch (caught) {
        // A journal that cannot be written means we can no longer promise "never twice": stop.
        this.broken ??= new AppError(
          'FILE_UNREADABLE',
          `Cannot write the run journal (${(caught as Error).message}); the run stops.`,
          {
            cause: caught,
          },
        );
        for (const item of group) {
          item.reject(this.broken);
        }
      }
    }
    this.flushing = undefined;
  }

  /** Waits for pending writes and closes the file. */
  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }

  /**
   * Cuts a torn last line (a crash mid-write) off the file, so that lines appended by a
   * resumed run are not hidden behind it. Returns how many bytes were dropped.
   */
  static async repair(path: string): Promise<number> {
    const bytes = await readFile(path);
    let keep = 0;
    let start = 0;
    for (let index = bytes.indexOf(10); index >= 0; index = bytes.indexOf(10, start)) {
      const line = bytes.subarray(start, index).toString('utf8');
      try {
        if (line.trim()) {
          JSON.parse(line);
        }
      } catch {
        break;
      }
      start = index + 1;
      keep = start;
    }
    if (keep < bytes.length) {
      await truncate(path, keep);
    }
    return bytes.length - keep;
  }

  /** Reads a journal back; a torn last line (crash mid-write) is ignored, not fatal. */
  static async read(path: string): Promise<JournalEntry[]> {
    const text = await readFile(path, 'utf8');
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) {
        continue;
      }
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        break;
      }
    }
    return entries;
  }
}
