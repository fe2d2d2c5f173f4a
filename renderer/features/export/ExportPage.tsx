import { useId, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { ExportFormat } from '../../../shared/results/export-format';
import { ErrorBanner } from '../../components/ErrorBanner';
import { defaultConnection } from '../../app/connections';
import { downloadFile } from '../../app/download-file';
import { countOf } from '../../app/format';
import { useApi } from '../../app/use-api';
import { useBridgeCall } from '../../app/use-bridge-call';
import { exportableDatasets } from '../import/datasets';
import { ExportButtons } from '../import/results/ExportButtons';
import { DatasetPicker } from '../import/start/DatasetPicker';
import { ExportOptionsForm, type ExportFormValues } from './ExportOptionsForm';
import { exportInputsOf, parseFilters, parseIdList } from './export-form';
import '../../styles/export.css';

const HINTS = {
  csv: 'Every record in the import layout, as UTF-8 CSV',
  xlsx: 'Every record in the import layout, in an Excel workbook',
} as const;

/**
 * The Export page: what a connection holds today, in the exact column layout its import
 * reads, so an admin can edit the file and import it back (an unchanged file plans nothing).
 */
export function ExportPage({ info }: { info: AppInfo }) {
  const api = useApi();
  const call = useBridgeCall();
  const datasets = exportableDatasets(info.datasets);
  const [datasetId, setDatasetId] = useState(datasets[0]?.id ?? '');
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [values, setValues] = useState<ExportFormValues>({
    workspaceIds: '',
    accountId: '',
    filters: '',
  });
  const [done, setDone] = useState<{ rows: number; fileName: string } | null>(null);
  const connectionSelect = useId();
  const dataset = datasets.find((candidate) => candidate.id === datasetId) ?? datasets[0];
  if (!dataset) {
    return <p className="muted empty-state">This version cannot export any dataset yet.</p>;
  }
  const candidates = info.connections.filter((c) => c.target === dataset.target);
  const connection =
    candidates.find((c) => c.id === connectionId) ?? defaultConnection(candidates, dataset.target);
  const inputs = exportInputsOf(info.datasets, dataset.target, dataset.kind);

  const onExport = (format: ExportFormat) => {
    setDone(null);
    if (!connection) {
      return;
    }
    const filters = parseFilters(values.filters);
    if (!filters.ok) {
      call.fail({ code: 'USAGE', message: filters.message, retryable: false });
      return;
    }
    const workspaceIds = parseIdList(values.workspaceIds);
    if (inputs.workspaceIds && workspaceIds.length === 0) {
      call.fail({
        code: 'USAGE',
        message: 'Enter at least one workspace ID: Webex lists numbers one workspace at a time.',
        retryable: false,
      });
      return;
    }
    call.run(
      `Reading ${dataset.kindLabel.toLowerCase()} from ${connection.label}…`,
      () =>
        api.export.run({
          target: dataset.target,
          kind: dataset.kind,
          connectionId: connection.id,
          format,
          ...(inputs.workspaceIds ? { workspaceIds } : {}),
          ...(inputs.accountId && values.accountId.trim()
            ? { accountId: values.accountId.trim() }
            : {}),
          ...(Object.keys(filters.filters).length > 0 ? { filters: filters.filters } : {}),
        }),
      (file) => {
        downloadFile(file);
        setDone({ rows: file.rows, fileName: file.fileName });
      },
    );
  };

  return (
    <section className="step export-page" aria-labelledby="export-title">
      <header className="step-header">
        <h1 tabIndex={-1} id="export-title">
          Export from a target
        </h1>
        <p className="step-lead">
          Download what a connection holds today, in the same columns its import reads: edit the
          file and import it back, and only your changes are sent.
        </p>
      </header>
      <div className="start-grid">
        <DatasetPicker
          datasets={datasets}
          selectedId={dataset.id}
          onSelect={(id) => {
            setDatasetId(id);
            setDone(null);
          }}
          legend="What are you exporting?"
          name="export-dataset"
        />
        <div className="template-box export-options">
          <label htmlFor={connectionSelect} className="field-label">
            From connection
          </label>
          {connection ? (
            <select
              id={connectionSelect}
              className="select"
              value={connection.id}
              onChange={(event) => setConnectionId(event.target.value)}
              data-testid="export-connection"
            >
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.label}
                </option>
              ))}
            </select>
          ) : (
            <p className="muted" id={connectionSelect}>
              No connection for {dataset.targetLabel}. Add one in Connections.
            </p>
          )}
          {connection?.note ? (
            <p className="field-help connection-note" data-testid="connection-note">
              {connection.note}
            </p>
          ) : null}
          <ExportOptionsForm inputs={inputs} values={values} onChange={setValues} />
          <ExportButtons
            label="Export"
            testId="export-run"
            disabled={call.busy !== null || connection === null}
            disabledHint={connection === null ? 'Add a connection first' : 'Export under way'}
            hints={HINTS}
            onExport={onExport}
          />
          {call.busy ? (
            <p className="muted" role="status">
              {call.busy}
            </p>
          ) : null}
          {done ? (
            <p className="export-done" role="status" data-testid="export-done">
              Exported {countOf(done.rows, dataset.itemNoun.replace(/s$/, ''), dataset.itemNoun)} to{' '}
              {done.fileName}.
            </p>
          ) : null}
        </div>
      </div>
      {call.error ? (
        <ErrorBanner
          error={call.error}
          onDismiss={call.dismiss}
          onRetry={call.retry ?? undefined}
        />
      ) : null}
    </section>
  );
}
