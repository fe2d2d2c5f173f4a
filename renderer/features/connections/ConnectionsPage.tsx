import { useCallback, useEffect, useState } from 'react';
import type { ConnectionDetail, KeychainStatus, ReplyOf } from '../../../shared/ipc/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useApi } from '../../app/use-api';
import { useBridgeCall } from '../../app/use-bridge-call';
import { targetLabel } from '../import/datasets';
import { AddConnectionForm } from './AddConnectionForm';
import '../../styles/connections.css';

/** Props of {@link ConnectionsPage}. */
export interface ConnectionsPageProps {
  keychain: KeychainStatus;
  /** Called after a save or a removal, so the app re-reads its connections (the header's picker). */
  onChanged: () => void;
}

/**
 * The Connections page: every connection (the Sandbox ones always there), each with a Test
 * that answers inline and, for saved ones, Change (the form, filled in) and a Remove that asks
 * first; and the add form.
 */
export function ConnectionsPage({ keychain, onChanged }: ConnectionsPageProps) {
  const api = useApi();
  const call = useBridgeCall();
  const [connections, setConnections] = useState<ConnectionDetail[] | null>(null);
  const [editing, setEditing] = useState<ConnectionDetail | null>(null);
  const { run } = call;
  const load = useCallback(
    () =>
      run(
        'Reading connections…',
        () => api.connections.list({}),
        (value) => setConnections(value.connections),
      ),
    [api, run],
  );
  useEffect(load, [load]);
  const changed = () => {
    load();
    onChanged();
  };

  return (
    <section className="step connections-page" aria-labelledby="connections-title">
      <header className="step-header">
        <h1 tabIndex={-1} id="connections-title">
          Connections
        </h1>
        <p className="step-lead">
          Where pushes and exports go. The Sandbox connections are local simulators that are always
          here; add your own tenant or PBX below and test it before you push.
        </p>
      </header>
      <div className="connections-grid">
        <ul className="connection-list" aria-label="Connections" data-testid="connection-list">
          {connections === null && call.busy ? <li className="muted">{call.busy}</li> : null}
          {(connections ?? []).map((connection) => (
            <ConnectionRow
              key={connection.id}
              connection={connection}
              onRemoved={changed}
              onEdit={() => setEditing(connection)}
            />
          ))}
          {connections !== null && connections.every((connection) => connection.sandbox) ? (
            <li className="connection-empty" data-testid="connections-empty">
              <p className="connection-empty-title">No connection of your own yet.</p>
              <p className="muted">
                The Sandbox ones above need no account. To push for real, add your Zoom or Webex
                tenant or your PortSIP PBX with the form, then Test it.
              </p>
            </li>
          ) : null}
        </ul>
        <AddConnectionForm
          // A new form per connection changed, so no typed value carries over to another.
          key={editing?.id ?? 'new'}
          keychain={keychain}
          editing={editing ?? undefined}
          onCancelEdit={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            changed();
          }}
        />
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

function ConnectionRow({
  connection,
  onRemoved,
  onEdit,
}: {
  connection: ConnectionDetail;
  onRemoved: () => void;
  onEdit: () => void;
}) {
  const api = useApi();
  const test = useBridgeCall();
  const remove = useBridgeCall();
  const [result, setResult] = useState<ReplyOf<'connections:test'> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const titleId = `connection-${connection.id}-title`;
  const rate =
    connection.perMinute === undefined
      ? `${formatRate(connection.maxRps)} requests/s`
      : `${connection.perMinute} requests/min`;

  return (
    <li
      className="panel connection-row"
      aria-labelledby={titleId}
      data-testid={`connection-row-${connection.id}`}
      data-sandbox={connection.sandbox ? 'true' : 'false'}
    >
      <div className="connection-row-head">
        <h2 className="connection-row-title" id={titleId}>
          {connection.label}
        </h2>
        {connection.sandbox ? <span className="badge badge-sandbox">Sandbox</span> : null}
        <span className="badge">{targetLabel(connection.target)}</span>
      </div>
      <dl className="facts connection-facts">
        <dt>Base URL</dt>
        <dd data-testid="connection-base-url">{connection.baseUrl}</dd>
        <dt>Sign-in</dt>
        <dd>
          {connection.authKind === 'zoom-oauth' ? 'Server-to-Server OAuth' : 'Access token'}
          {connection.authSaved ? null : (
            <span className="note-error">
              {' '}
              — not available on this computer; remove and add it again
            </span>
          )}
        </dd>
        <dt>Rate</dt>
        <dd>{rate}</dd>
        {connection.accountId ? (
          <>
            <dt>Sub account</dt>
            <dd>{connection.accountId}</dd>
          </>
        ) : null}
        {connection.orgId ? (
          <>
            <dt>Organisation</dt>
            <dd>{connection.orgId}</dd>
          </>
        ) : null}
      </dl>
      <div className="connection-row-actions">
        <button
          type="button"
          className="btn"
          disabled={test.busy !== null}
          aria-describedby={result ? `${titleId}-result` : undefined}
          onClick={() => {
            setResult(null);
            test.run('Testing…', () => api.connections.test({ id: connection.id }), setResult);
          }}
          data-testid="connection-test"
        >
          Test
        </button>
        {connection.sandbox ? null : confirming ? (
          <span
            className="connection-confirm"
            role="group"
            aria-label={`Remove ${connection.label}?`}
          >
            <span>Remove “{connection.label}” and forget its credential?</span>
            <button
              type="button"
              className="btn btn-danger"
              autoFocus
              disabled={remove.busy !== null}
              onClick={() =>
                remove.run(
                  'Removing…',
                  () => api.connections.remove({ id: connection.id }),
                  onRemoved,
                )
              }
              data-testid="connection-remove-confirm"
            >
              Remove
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              className="btn btn-quiet"
              onClick={onEdit}
              aria-label={`Change ${connection.label}`}
              data-testid="connection-edit"
            >
              Change
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => setConfirming(true)}
              aria-label={`Remove ${connection.label}`}
              data-testid="connection-remove"
            >
              Remove
            </button>
          </>
        )}
      </div>
      <div role="status" id={`${titleId}-result`} className="connection-result-slot">
        {test.busy ? <span className="muted">{test.busy}</span> : null}
        {result ? (
          <p
            className={`connection-result ${result.ok ? 'connection-result-ok' : 'connection-result-bad'}`}
            data-testid="connection-test-result"
            data-ok={result.ok ? 'true' : 'false'}
          >
            <strong>{result.ok ? 'Connected.' : 'Failed.'}</strong> {result.message}{' '}
            <span className="muted">({result.latencyMs} ms)</span>
          </p>
        ) : null}
      </div>
      {test.error ? <ErrorBanner error={test.error} onDismiss={test.dismiss} /> : null}
      {remove.error ? <ErrorBanner error={remove.error} onDismiss={remove.dismiss} /> : null}
    </li>
  );
}

function formatRate(rps: number): string {
  return Number.isInteger(rps) ? String(rps) : rps.toFixed(1);
}
