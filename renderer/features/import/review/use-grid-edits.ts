import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnOp } from '../../../../shared/edits/column-transforms';
import type {
  ArgsOf,
  EditResult,
  EditScope,
  ValidationView,
} from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/result';
import { safeCall } from '../../../app/safe-call';
import { useApi } from '../../../app/use-api';
import type { OpenedFile } from '../wizard-state';

/** Edits of the open table from the review grid, each re-validated by main. */
export interface GridEdits {
  /** The value this session last gave a cell, shown at once while main catches up. */
  valueOf: (row: number, column: number) => string | undefined;
  /** Sets a cell (by source row number and column index) to `value`. */
  edit: (row: number, column: number, value: string) => void;
  /** Puts a cell back to `from`, the value the file had. */
  revert: (row: number, column: number, from: string) => void;
  undoAll: () => void;
  /** Runs a column tool; resolves to main's answer, or undefined when it failed. */
  transform: (column: string, op: ColumnOp, scope: EditScope) => Promise<EditResult | undefined>;
  /** Edits sent and not answered yet (the Plan button waits for them). */
  pending: number;
  /** Why the last edit failed, until the next one or a dismissal. */
  error: string | undefined;
  dismissError: () => void;
}

const keyOf = (row: number, column: number) => `${row}:${column}`;

/**
 * Sends the review grid's edits to main one at a time, in order (each answer is the table's
 * validation after that edit and the ones before it), and hands each new validation to
 * `onRevalidated`. A typed value shows in its cell at once; the rows themselves, with their
 * new issues, come back through the page cache when the validation changes.
 */
export function useGridEdits(
  file: OpenedFile,
  headers: readonly string[],
  onRevalidated: (validation: ValidationView) => void,
): GridEdits {
  const api = useApi();
  const [typed, setTyped] = useState<ReadonlyMap<string, string>>(new Map());
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string>();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Answers arriving after the admin left Review (Back to mapping) must not move the flow.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const { dataset, preview, mapping, country } = file;
  const send = useCallback(
    (call: (checked: ArgsOf<'import:validate'>) => Promise<Result<EditResult>>) => {
      const checked = {
        target: dataset.target,
        kind: dataset.kind,
        fileId: preview.fileId,
        mapping,
        ...(country ? { country } : {}),
      };
      setPending((n) => n + 1);
      setError(undefined);
      const answer = queue.current.then(() => safeCall(() => call(checked)));
      queue.current = answer;
      return answer.then((result) => {
        setPending((n) => n - 1);
        if (!alive.current) {
          return undefined;
        }
        if (!result.ok) {
          setError(result.error.message);
          return undefined;
        }
        onRevalidated(result.value.validation);
        return result.value;
      });
    },
    [dataset, preview.fileId, mapping, country, onRevalidated],
  );

  const setCell = useCallback(
    (row: number, column: number, value: string | undefined) =>
      setTyped((previous) => {
        const next = new Map(previous);
        if (value === undefined) {
          next.delete(keyOf(row, column));
        } else {
          next.set(keyOf(row, column), value);
        }
        return next;
      }),
    [],
  );

  const edit = useCallback(
    (row: number, column: number, value: string) => {
      const header = headers[column];
      if (header === undefined) {
        return;
      }
      setCell(row, column, value);
      void send((checked) =>
        api.import.edit({ ...checked, changes: [{ row, column: header, value }] }),
      ).then((answer) => answer ?? setCell(row, column, undefined));
    },
    [api, headers, send, setCell],
  );

  const revert = useCallback(
    (row: number, column: number, from: string) => {
      const header = headers[column];
      if (header === undefined) {
        return;
      }
      setCell(row, column, from);
      void send((checked) => api.import.revert({ ...checked, cells: [{ row, column: header }] }));
    },
    [api, headers, send, setCell],
  );

  // Bulk changes come back through the rows main sends; typed values would hide them.
  const bulk = useCallback(
    (call: (checked: ArgsOf<'import:validate'>) => Promise<Result<EditResult>>) =>
      send(call).then((answer) => {
        if (answer) {
          setTyped(new Map());
        }
        return answer;
      }),
    [send],
  );

  return {
    valueOf: (row, column) => typed.get(keyOf(row, column)),
    edit,
    revert,
    undoAll: useCallback(() => void bulk((checked) => api.import.revert(checked)), [api, bulk]),
    transform: useCallback(
      (column: string, op: ColumnOp, scope: EditScope) =>
        bulk((checked) => api.import.transform({ ...checked, column, op, scope })),
      [api, bulk],
    ),
    pending,
    error,
    dismissError: useCallback(() => setError(undefined), []),
  };
}
