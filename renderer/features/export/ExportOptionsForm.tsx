import { useId } from 'react';
import type { ExportInputs } from './export-form';

/** What the admin typed in the export's option boxes, as text. */
export interface ExportFormValues {
  workspaceIds: string;
  accountId: string;
  filters: string;
}

/** Props of {@link ExportOptionsForm}. */
export interface ExportOptionsFormProps {
  inputs: ExportInputs;
  values: ExportFormValues;
  onChange: (values: ExportFormValues) => void;
}

/**
 * The boxes a dataset's export needs: workspace ids for Webex, the account for Zoom internal
 * numbers, and the list API's filters (the same NAME=VALUE form as the CLI's --filter).
 */
export function ExportOptionsForm({ inputs, values, onChange }: ExportOptionsFormProps) {
  const workspaces = useId();
  const account = useId();
  const filters = useId();
  const filtersHelp = useId();
  return (
    <>
      {inputs.workspaceIds ? (
        <>
          <label htmlFor={workspaces} className="field-label">
            Workspace IDs (one per line)
          </label>
          <textarea
            id={workspaces}
            className="textarea"
            rows={3}
            value={values.workspaceIds}
            onChange={(event) => onChange({ ...values, workspaceIds: event.target.value })}
            data-testid="export-workspace-ids"
          />
        </>
      ) : null}
      {inputs.accountId ? (
        <>
          <label htmlFor={account} className="field-label">
            Account (<code>me</code> for the master account, or a sub account ID)
          </label>
          <input
            id={account}
            className="select"
            placeholder="me"
            value={values.accountId}
            onChange={(event) => onChange({ ...values, accountId: event.target.value })}
            data-testid="export-account-id"
          />
        </>
      ) : null}
      {inputs.filters.length > 0 ? (
        <>
          <label htmlFor={filters} className="field-label">
            Filters (optional, NAME=VALUE per line)
          </label>
          <textarea
            id={filters}
            className="textarea"
            rows={2}
            aria-describedby={filtersHelp}
            value={values.filters}
            onChange={(event) => onChange({ ...values, filters: event.target.value })}
            data-testid="export-filters"
          />
          <p id={filtersHelp} className="field-help">
            Accepted: {inputs.filters.join(', ')}
          </p>
        </>
      ) : null}
    </>
  );
}
