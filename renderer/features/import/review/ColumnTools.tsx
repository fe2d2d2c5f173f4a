import { useId, useState, type FormEvent } from 'react';
import type { ColumnOp } from '../../../../shared/edits/column-transforms';
import type { EditResult, EditScope } from '../../../../shared/ipc/contract';
import {
  COLUMN_ACTIONS,
  initialToolsForm,
  opOf,
  outcomeText,
  type ColumnAction,
  type ColumnToolsForm,
} from './edit-model';

/** Props of {@link ColumnTools}. */
export interface ColumnToolsProps {
  headers: readonly string[];
  /** The column to start on (the focused cell's). */
  initialColumn: string;
  /** Whether "Only rows with problems" means anything now. */
  hasProblems: boolean;
  /** The default country chosen on the mapping step ('' for none). */
  country: string;
  onApply: (column: string, op: ColumnOp, scope: EditScope) => Promise<EditResult | undefined>;
  onClose: () => void;
}

/**
 * One change to a whole column at once: find and replace, trim spaces, fill cells, or
 * phone numbers to E.164 in the mapping step's default country, on all rows or only those
 * with a problem. Says how many cells changed (and how many it had to leave).
 */
export function ColumnTools(props: ColumnToolsProps) {
  const { headers, initialColumn, hasProblems, country, onApply, onClose } = props;
  const id = useId();
  const [form, setForm] = useState<ColumnToolsForm>(() => initialToolsForm(initialColumn));
  const [applying, setApplying] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  const set = (change: Partial<ColumnToolsForm>) => {
    setForm((previous) => ({ ...previous, ...change }));
    setOutcome(undefined);
  };
  const op = opOf(form);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!op || applying) {
      return;
    }
    setApplying(true);
    void onApply(form.column, op, hasProblems ? form.scope : 'all').then((result) => {
      setApplying(false);
      setOutcome(result ? outcomeText(result, form.action) : undefined);
    });
  };

  const text = (key: 'find' | 'replace' | 'fillValue', label: string) => (
    <label className="column-tools-field">
      <span>{label}</span>
      <input
        className="select"
        value={form[key]}
        onChange={(event) => set({ [key]: event.target.value })}
        spellCheck={false}
        data-testid={`tools-${key}`}
      />
    </label>
  );
  const check = (key: 'matchCase' | 'wholeCell', label: string) => (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={form[key]}
        onChange={(event) => set({ [key]: event.target.checked })}
        data-testid={`tools-${key}`}
      />
      {label}
    </label>
  );

  return (
    <form
      className="column-tools"
      aria-label="Column tools"
      onSubmit={submit}
      data-testid="column-tools"
    >
      <div className="column-tools-row">
        <label className="column-tools-field">
          <span>Column</span>
          <select
            className="select"
            value={form.column}
            onChange={(event) => set({ column: event.target.value })}
            data-testid="tools-column"
          >
            {headers.map((header, index) => (
              <option key={`${index}-${header}`} value={header}>
                {header}
              </option>
            ))}
          </select>
        </label>
        <label className="column-tools-field">
          <span>Action</span>
          <select
            className="select"
            value={form.action}
            onChange={(event) => set({ action: event.target.value as ColumnAction })}
            data-testid="tools-action"
          >
            {COLUMN_ACTIONS.map((action) => (
              <option key={action.kind} value={action.kind}>
                {action.label}
              </option>
            ))}
          </select>
        </label>
        {form.action === 'replace' ? (
          <>
            {text('find', 'Find')}
            {text('replace', 'Replace with')}
            <div className="column-tools-checks">
              {check('matchCase', 'Match case')}
              {check('wholeCell', 'Whole cell only')}
            </div>
          </>
        ) : null}
        {form.action === 'fill' ? (
          <>
            {text('fillValue', 'Value')}
            <label className="column-tools-field">
              <span>Cells</span>
              <select
                className="select"
                value={form.fillWhich}
                onChange={(event) => set({ fillWhich: event.target.value as 'empty' | 'all' })}
                data-testid="tools-fillWhich"
              >
                <option value="empty">Empty cells only</option>
                <option value="all">Every cell</option>
              </select>
            </label>
          </>
        ) : null}
        {form.action === 'e164' ? (
          <p className="column-tools-note muted">
            {country
              ? `Numbers without a + are read as ${country} numbers. Cells that cannot be repaired with certainty are left as they are.`
              : 'No default country was chosen on the mapping step: only numbers written with + or 00 can be read.'}
          </p>
        ) : null}
      </div>
      <div className="column-tools-row">
        <fieldset className="column-tools-scope" disabled={!hasProblems}>
          <legend>Rows</legend>
          {(['all', 'problems'] as const).map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="radio"
                name={`${id}-scope`}
                value={scope}
                checked={(hasProblems ? form.scope : 'all') === scope}
                onChange={() => set({ scope })}
                data-testid={`tools-scope-${scope}`}
              />
              {scope === 'all' ? 'All rows' : 'Only rows with problems'}
            </label>
          ))}
        </fieldset>
        <span className="toolbar-spacer" />
        <span className="column-tools-outcome" role="status" data-testid="tools-outcome">
          {applying ? 'Applying…' : (outcome ?? '')}
        </span>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!op || applying}
          data-testid="tools-apply"
        >
          Apply to column
        </button>
        <button type="button" className="btn" onClick={onClose} data-testid="tools-close">
          Close
        </button>
      </div>
    </form>
  );
}
