import { useId } from 'react';
import type { AppInfo, ConnectionView } from '../../shared/ipc/contract';
import { connectionDescription } from './connections';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  info: AppInfo | null;
  /** Connections that can take the current dataset. */
  connections: readonly ConnectionView[];
  connection: ConnectionView | null;
  onSelectConnection: (id: string) => void;
}

/**
 * The app bar: name, version, and where a push would go right now. With more than one
 * connection for the target it becomes a picker; the sandbox says plainly that nothing
 * leaves this computer.
 */
export function AppHeader({ info, connections, connection, onSelectConnection }: AppHeaderProps) {
  const pickerId = useId();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">batchline</span>
        {info ? <span className="brand-version">v{info.version}</span> : null}
      </div>
      <div
        className="connection"
        data-testid="connection-badge"
        data-sandbox={connection?.sandbox ? 'true' : 'false'}
      >
        {connection === null ? (
          info ? (
            <span className="connection-none">No connection for this dataset</span>
          ) : null
        ) : connections.length > 1 ? (
          <>
            <label htmlFor={pickerId} className="connection-caption">
              Pushing to
            </label>
            <select
              id={pickerId}
              className="select select-inline"
              value={connection.id}
              onChange={(event) => onSelectConnection(event.target.value)}
            >
              {connections.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {connectionDescription(candidate)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <span
              className={`connection-dot ${connection.sandbox ? 'connection-dot-sandbox' : 'connection-dot-live'}`}
              aria-hidden="true"
            />
            <span className="connection-caption">Pushing to</span>
            <span className="connection-name">{connectionDescription(connection)}</span>
          </>
        )}
      </div>
    </header>
  );
}
