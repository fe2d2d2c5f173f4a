import { useId } from 'react';
import type { AppInfo, ConnectionView } from '../../shared/ipc/contract';
import { connectionDescription } from './connections';
import { onMac, PAGE_KEYS, shortcutLabel } from './shortcuts';
import '../styles/runs.css';

/** The app's top-level views, switched from the header. */
export type AppView = 'import' | 'runs' | 'export' | 'connections';

// In the order of their shortcuts (Ctrl/Cmd+1..4, PAGE_KEYS) and of the View menu.
const VIEWS: readonly { id: AppView; label: string }[] = [
  { id: 'import', label: 'Import' },
  { id: 'runs', label: 'Runs' },
  { id: 'connections', label: 'Connections' },
  { id: 'export', label: 'Export' },
];

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  info: AppInfo | null;
  /** Connections that can take the current dataset. */
  connections: readonly ConnectionView[];
  connection: ConnectionView | null;
  onSelectConnection: (id: string) => void;
  view: AppView;
  onNavigate: (view: AppView) => void;
}

/**
 * The app bar: name, version, the Import | Runs switch, and where a push would go right
 * now. With more than one connection for the target it becomes a picker; the sandbox says
 * plainly that nothing leaves this computer.
 */
export function AppHeader({
  info,
  connections,
  connection,
  onSelectConnection,
  view,
  onNavigate,
}: AppHeaderProps) {
  const pickerId = useId();
  const isMac = onMac(navigator);
  return (
    <header className="app-header">
      <div className="app-header-start">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">batchline</span>
          {info ? <span className="brand-version">v{info.version}</span> : null}
        </div>
        <nav className="app-nav" aria-label="Sections">
          {VIEWS.map((candidate) => (
            <button
              key={candidate.id}
              type="button"
              className="app-nav-item"
              aria-current={candidate.id === view ? 'page' : undefined}
              onClick={() => onNavigate(candidate.id)}
              title={shortcutLabel(String(PAGE_KEYS.indexOf(candidate.id) + 1), isMac)}
              aria-keyshortcuts={`${isMac ? 'Meta' : 'Control'}+${PAGE_KEYS.indexOf(candidate.id) + 1}`}
              data-testid={`nav-${candidate.id}`}
            >
              {candidate.label}
            </button>
          ))}
        </nav>
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
