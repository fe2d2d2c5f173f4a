import { useId } from 'react';

// Shared because the plan and the results filter their rows with the same "Show" select.
/** Props of {@link RowFilterSelect}. */
export interface RowFilterSelectProps<V extends string> {
  /** The kind of row shown, or 'all'. */
  value: V | 'all';
  /** The kinds offered after "All rows", in order. */
  kinds: readonly V[];
  total: number;
  countOf: (kind: V) => number;
  labelOf: (kind: V) => string;
  onChange: (value: V | 'all') => void;
  testId: string;
}

/** "Show [All rows (n) | each kind (n)]": which rows of a grid to list. */
export function RowFilterSelect<V extends string>({
  value,
  kinds,
  total,
  countOf,
  labelOf,
  onChange,
  testId,
}: RowFilterSelectProps<V>) {
  const filterId = useId();
  return (
    <>
      <label htmlFor={filterId}>Show</label>
      <select
        id={filterId}
        className="select select-inline"
        value={value}
        onChange={(event) => onChange(event.target.value as V | 'all')}
        data-testid={testId}
      >
        <option value="all">All rows ({total.toLocaleString()})</option>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {labelOf(kind)} ({countOf(kind).toLocaleString()})
          </option>
        ))}
      </select>
    </>
  );
}
