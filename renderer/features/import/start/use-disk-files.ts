import { useCallback, useEffect, useState } from 'react';
import type { RecentFile } from '../../../../shared/ipc/contract';
import { useApi } from '../../../app/use-api';
import type { DatasetChoice } from '../datasets';
import type { ImportWizard } from '../use-import-wizard';

/** Files main opens from disk: its dialog and the Recent list (desktop app only). */
export interface DiskFiles {
  /** Most recent first; empty in browser mode. */
  recent: readonly RecentFile[];
  /** Whether main has a system open dialog (the desktop app); browser mode uses the file input. */
  nativeDialog: boolean;
  chooseFromDisk: (dataset: DatasetChoice) => void;
  openRecent: (dataset: DatasetChoice, id: string) => void;
  clearRecent: () => void;
}

/**
 * Opening through main: the system dialog, a Recent file, clearing Recent. The list is
 * read again whenever the flow is on its first screen and idle, so it shows files just
 * opened and no longer shows one that turned out to be gone.
 */
export function useDiskFiles(
  wizard: Pick<ImportWizard, 'call' | 'opened' | 'state'>,
  // From app:info, known before the first screen: Ctrl+O pressed at once must use it.
  nativeDialog: boolean,
): DiskFiles {
  const api = useApi();
  const { run } = wizard.call;
  const { opened } = wizard;
  const [recent, setRecent] = useState<readonly RecentFile[]>([]);
  const [version, setVersion] = useState(0);
  const idleOnStart = wizard.state.step === 'start' && wizard.call.busy === null;

  useEffect(() => {
    if (!idleOnStart) {
      return undefined;
    }
    let live = true;
    void api.recent.list({}).then((result) => {
      if (live && result.ok) {
        setRecent(result.value.files);
      }
    });
    return () => {
      live = false;
    };
  }, [api, idleOnStart, version]);

  const chooseFromDisk = useCallback(
    (dataset: DatasetChoice) =>
      run(
        'Opening a file…',
        () => api.files.choose({ target: dataset.target, kind: dataset.kind }),
        (reply) => {
          if (!reply.cancelled) {
            const source = { recentId: reply.recentId, name: reply.preview.fileName };
            opened(dataset, reply.preview, source);
          }
        },
      ),
    [api, run, opened],
  );

  const openRecent = useCallback(
    (dataset: DatasetChoice, id: string) => {
      const name = recent.find((file) => file.id === id)?.name ?? 'the file';
      run(
        `Reading ${name}…`,
        () => api.recent.open({ id, target: dataset.target, kind: dataset.kind }),
        (preview) => opened(dataset, preview, { recentId: id, name: preview.fileName }),
      );
    },
    [api, run, opened, recent],
  );

  const clearRecent = useCallback(
    () =>
      run(
        'Clearing Recent…',
        () => api.recent.clear({}),
        () => setVersion((n) => n + 1),
      ),
    [api, run],
  );

  return { recent, nativeDialog, chooseFromDisk, openRecent, clearRecent };
}
