import { AppError } from '../../shared/errors';
import type { CellChange } from '../../shared/edits/cell-edit';
import { transformColumn } from '../../shared/edits/column-transforms';
import type { ArgsOf, EditResult } from '../../shared/ipc/contract';
import { toCountryCode } from '../../shared/phone/normalise-phone';
import type { OpenFiles } from '../app/open-files';
import { silentLogger, type Logger } from '../lib/logger';
import { importHandlers } from './import.ipc';
import type { Handlers } from './router';

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
 * nothing), then re-validates the whole table, as import:validate does, so cross-row checks
 * (duplicates, the dataset's own) see the edit on every row it touches, not only the edited
 * one; it answers the new validation.
 */
export function editHandlers(
  files: OpenFiles,
  log: Logger = silentLogger,
): Pick<Handlers, 'import:edit' | 'import:transform' | 'import:revert'> {
  // Without a mapping memory: an edit is not the admin choosing a mapping again.
  const validate = importHandlers(files, undefined, log)['import:validate'];
  const serialised = perKeyQueue();

  const checked = async (args: CheckArgs, changed: number, left = 0): Promise<EditResult> => {
    try {
      return { validation: await validate(args), changed, left };
    } catch (caught) {
      // The table changed but its check did not finish: drop the old one rather than show
      // issues of values that are no longer there.
      files.invalidate(args.fileId);
      throw caught;
    }
  };

  return {
    async 'import:edit'({ changes, ...args }) {
      return serialised(args.fileId, async () =>
        checked(args, files.edits(args.fileId).apply(changes)),
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
        return checked(args, files.edits(args.fileId).apply(cellChanges), left);
      });
    },

    async 'import:revert'({ cells, ...args }) {
      return serialised(args.fileId, async () =>
        checked(args, files.edits(args.fileId).revert(cells)),
      );
    },
  };
}
