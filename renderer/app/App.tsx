import { use, useMemo, useState } from 'react';
import type { BatchlineApi } from '../../shared/ipc/api';
import { ErrorBanner } from '../components/ErrorBanner';
import { KeychainNotice } from '../components/KeychainNotice';
import { importableDatasets, ZOOM_USERS } from '../features/import/datasets';
import { ConnectionsPage } from '../features/connections/ConnectionsPage';
import { ExportPage } from '../features/export/ExportPage';
import { ImportWizard } from '../features/import/ImportWizard';
import { RunsPage } from '../features/runs/RunsPage';
import { ApiContext } from './api-context';
import { CommandContext, createCommandRegistry } from './commands';
import { useAppCommands } from './use-app-commands';
import { AppHeader, type AppView } from './AppHeader';
import { defaultConnection } from './connections';
import { useAppInfo } from './use-app-info';

/** Props of {@link App}. */
export interface AppProps {
  api: BatchlineApi;
}

/**
 * The root: provides the bridge and renders the shell. `data-app-ready="true"` appears on
 * the root once `app:info` has answered (even with an error), which is what tests wait on.
 */
export function App({ api }: AppProps) {
  // Features register for the app commands they act on (useCommand); see commands.ts.
  const commands = useMemo(() => createCommandRegistry(), []);
  return (
    <ApiContext value={api}>
      <CommandContext value={commands}>
        <Shell api={api} />
      </CommandContext>
    </ApiContext>
  );
}

function Shell({ api }: AppProps) {
  const { state, reload, refresh } = useAppInfo();
  const commands = use(CommandContext);
  const [datasetId, setDatasetId] = useState(ZOOM_USERS.id);
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [view, setView] = useState<AppView>('import');
  // The Runs page mounts on its first visit and then stays, hidden, like the wizard: what
  // it is following (a resumed job) survives a look at the import and back.
  const [visited, setVisited] = useState<ReadonlySet<AppView>>(new Set(['import']));
  const navigate = (next: AppView) => {
    setView(next);
    setVisited((before) => new Set([...before, next]));
  };
  const info = state.status === 'ready' ? state.info : null;
  // Menu clicks, and in browser mode the same keys: pages here, the rest by whoever
  // registered for them (the import wizard: new import, open, recent; a batch feature: save).
  useAppCommands(
    api,
    (command) => {
      if (command.type === 'go') {
        navigate(command.page);
        return;
      }
      if (command.type !== 'save-batch') {
        navigate('import');
      }
      commands?.run(command);
    },
    info?.mode === 'browser',
  );
  const datasets = importableDatasets(info?.datasets ?? []);
  const dataset = datasets.find((candidate) => candidate.id === datasetId) ?? ZOOM_USERS;
  const candidates = info
    ? info.connections.filter((candidate) => candidate.target === dataset.target)
    : [];
  const connection =
    candidates.find((candidate) => candidate.id === connectionId) ??
    (info ? defaultConnection(info.connections, dataset.target) : null);

  return (
    <div
      className="app"
      data-testid="app-root"
      data-app-ready={state.status === 'loading' ? undefined : 'true'}
      data-mode={info?.mode}
    >
      <AppHeader
        info={info}
        connections={candidates}
        connection={connection}
        onSelectConnection={setConnectionId}
        view={view}
        onNavigate={navigate}
      />
      {info ? <KeychainNotice keychain={info.keychain} /> : null}
      <main className="app-main">
        {state.status === 'loading' ? <p className="muted app-loading">Starting…</p> : null}
        {state.status === 'failed' ? <ErrorBanner error={state.error} onRetry={reload} /> : null}
        {info ? (
          <>
            {/* Hidden, not unmounted: the wizard keeps its file, mapping and push meanwhile. */}
            <div className="app-view" hidden={view !== 'import'} data-testid="view-import">
              <ImportWizard
                datasets={datasets}
                dataset={dataset}
                onSelectDataset={setDatasetId}
                connection={connection}
                connections={info.connections}
                onSelectConnection={setConnectionId}
                fileDialog={info.fileDialog}
              />
            </div>
            {visited.has('runs') ? (
              <div className="app-view" hidden={view !== 'runs'} data-testid="view-runs">
                <RunsPage active={view === 'runs'} />
              </div>
            ) : null}
            {visited.has('export') ? (
              <div className="app-view" hidden={view !== 'export'} data-testid="view-export">
                <ExportPage info={info} />
              </div>
            ) : null}
            {view === 'connections' ? (
              <div className="app-view" data-testid="view-connections">
                <ConnectionsPage keychain={info.keychain} onChanged={refresh} />
              </div>
            ) : null}
          </>
        ) : null}
      </main>
    </div>
  );
}
