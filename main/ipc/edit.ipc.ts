import { AppError } from '../../shared/errors';
import type { CellChange } from '../../shared/edits/cell-edit';
import { transformColumn } from '../../shared/edits/column-transforms';
import type { ArgsOf, EditResult } from '../../shared/ipc/contract';
import { toCountryCode } from '../../shared/phone/normalise-phone';
import { IncrementalChecks, type CheckBasis } from '../app/incremental-check';
import type { OpenFiles } from '../app/open-files';
import { silentLogger, type Logger } from '../lib/logger';
import { importHandlers, requireDataset } from './import.ipc';
import type { Handlers } from './router';
import { validationView } from './validation-view';

/** What import:validate takes: every editing channel re-validates with the same. */
type CheckArgs = ArgsOf<'import:validate'>;

/**
 * Runs tasks one after another per key. An edit changes the table in place and then
 * re-validates it; a second edit landing while the first one's check is still reading rows
 * (big tables are checked in batches on worker threads) would be half seen by that check,
 * and the two answers could come back in either order.
 */
function perKeyQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) {
        tails.delete(key);
      }
    });
    return run;
  };
}

/**
 * Handlers of editing an open table in the review grid: cells typed in, column tools, and
 * putting cells back to the file's value. Each applies its changes to the table (all or
 * nothing) and answers the new validation, equal to import:validate's of the edited table:
 * cross-row checks (duplicates, the dataset's own) see the edit on every row it touches.
 * An edit of a few rows is checked on those rows and the rows sharing a value with them
 * (main/app/incremental-check.ts), from the first edit after import:validate on; others are
 * checked in full.
 */
export function editHandlers(
  files: OpenFiles,
  log: Logger = silentLogger,
  // The app's own import:validate (with its mapping memory); by default one without memory.
  checkAll: Handlers['import:validate'] = importHandlers(files, undefined, log)['import:validate'],
): Pick<Handlers, 'import:validate' | 'import:edit' | 'import:transform' | 'import:revert'> {
  // An edit re-checks in full without remembering the mapping: it is not the admin choosing
  // a mapping again.
  const validate = importHandlers(files, undefined, log)['import:validate'];
  const serialised = perKeyQueue();
  const incremental = new IncrementalChecks(files);

  /** Applies a change to rows `rows` (row numbers) with `apply`, then checks the table. */
  const edit = async (
    { fileId, ...basis }: CheckArgs,
    rows: Iterable<number>,
    apply: () => number,
    left = 0,
  ): Promise<EditResult> => {
    const pending = incremental.prepare(fileId, basis, rows);
    const changed = apply();
    try {
      if (pending) {
        const dataset = requireDataset(basis.target, basis.kind, basis.country);
        const review = pending.finish();
        const validation = validationView(
          review,
          dataset,
          basis.mapping,
          files.edits(fileId).count,
        );
        return { validation, changed, left };
      }
      const validation = await validate({ fileId, ...basis });
      track(fileId, basis);
      return { validation, changed, left };
    } catch (caught) {
      // The table changed but its check did not finish: drop the old one rather than show
      // issues of values that are no longer there.
      files.invalidate(fileId);
      throw caught;
    }
  };

  /** Readies the next edits' incremental checks, after this answer and before those edits. */
  const track = (fileId: string, basis: CheckBasis): void => {
    void serialised(fileId, () => incremental.track(fileId, basis)).catch((caught: unknown) => {
      // Only costs speed: the next edit is checked in full.
      log.warn('import.edit-tracking-failed', { reason: String(caught) });
    });
  };

  return {
    // import:validate, in the same per-file queue as edits, then readies the incremental
    // checks, so the first edit after it is checked on its own rows too.
    async 'import:validate'(args) {
      return serialised(args.fileId, async () => {
        const view = await checkAll(args);
        const { fileId, ...basis } = args;
        track(fileId, basis);
        return view;
      });
    },

    async 'import:edit'({ changes, ...args }) {
      return serialised(args.fileId, async () =>
        edit(
          args,
          changes.map((change) => change.row),
          () => files.edits(args.fileId).apply(changes),
        ),
      );
    },

    async 'import:transform'({ column, op, scope, ...args }) {
      return serialised(args.fileId, async () => {
        const table = files.get(args.fileId);
        const index = table.headers.indexOf(column);
        if (index < 0) {
          throw new AppError('USAGE', `${table.fileName} has no column "${column}".`);
        }
        const country = toCountryCode(args.country);
        const positions =
          scope === 'all'
            ? Array.from(table.rows, (_row, i) => i)
            : Array.from(files.review(args.fileId).problemRows);
        const values = positions.map((i) => table.rows[i]!.cells[index] ?? '');
        const { changes, left } = transformColumn(values, op, country);
        const cellChanges: CellChange[] = changes.map(({ position, value }) => ({
          row: table.rows[positions[position]!]!.row,
          column,
          value,
        }));
        return edit(
          args,
          cellChanges.map((change) => change.row),
          () => files.edits(args.fileId).apply(cellChanges),
          left,
        );
      });
    },

    async 'import:revert'({ cells, ...args }) {
      return serialised(args.fileId, async () => {
        const edits = files.edits(args.fileId);
        // Putting every edit back touches the edited rows only.
        const rows = (cells ?? edits.list()).map((cell) => cell.row);
        return edit(args, rows, () => edits.revert(cells));
      });
    },
  };
}
