import { useState } from 'react';
import type { BatchlineApi } from '../../shared/ipc/api';
import { ErrorBanner } from '../components/ErrorBanner';
import { IMPORT_DATASETS, ZOOM_USERS } from '../features/import/datasets';
import { ImportWizard } from '../features/import/ImportWizard';
import { ApiContext } from './api-context';
import { AppHeader } from './AppHeader';
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
  return (
    <ApiContext value={api}>
      <Shell />
    </ApiContext>
  );
}

function Shell() {
  const { state, reload } = useAppInfo();
  const [datasetId, setDatasetId] = useState(ZOOM_USERS.id);
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const dataset = IMPORT_DATASETS.find((candidate) => candidate.id === datasetId) ?? ZOOM_USERS;
  const info = state.status === 'ready' ? state.info : null;
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
      />
      <main className="app-main">
        {state.status === 'loading' ? <p className="muted app-loading">Starting…</p> : null}
        {state.status === 'failed' ? <ErrorBanner error={state.error} onRetry={reload} /> : null}
        {info ? (
          <ImportWizard
            datasets={IMPORT_DATASETS}
            dataset={dataset}
            onSelectDataset={setDatasetId}
            connection={connection}
          />
        ) : null}
      </main>
    </div>
  );
}
