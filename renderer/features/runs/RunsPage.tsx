import { useEffect, useRef, useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RunDetailView } from './RunDetailView';
import { RunItem } from './RunItem';
import { liveJobOf } from './runs-model';
import { useRunActions } from './use-run-actions';
import { useRuns } from './use-runs';
import '../../styles/runs.css';

/** Props of {@link RunsPage}. */
export interface RunsPageProps {
  /** False while another view is shown: the page keeps its state but stops loading. */
  active: boolean;
}

/**
 * The Runs page: every push in the shared runs folder (from this app and from the command
 * line), newest first, with its state and counts. A stopped, cancelled or interrupted run
 * resumes here and shows its progress in place; results and failed rows export as CSV. Open
 * shows one run in detail: its summary, outcomes and rows (RunDetailView), until Back.
 */
export function RunsPage({ active }: RunsPageProps) {
  // The run opened in detail, if any; the list is not reloaded meanwhile.
  const [openRunId, setOpenRunId] = useState<string | null>(null);
  const list = useRuns(active && openRunId === null);
  const actions = useRunActions(list.refresh);
  const runs = list.runs ?? [];
  const live = new Map(
    runs.map((run) => [run.runId, liveJobOf(run, actions.resumed, actions.ended)]),
  );
  // Back from a run's detail puts focus on that run's Open button, where the admin was.
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (openRunId !== null || returnTo.current === null) {
      return;
    }
    document
      .querySelector<HTMLElement>(`[data-run-id="${returnTo.current}"] [data-testid="run-open"]`)
      ?.focus();
    returnTo.current = null;
  }, [openRunId, list.runs]);

  if (openRunId !== null) {
    const back = () => {
      returnTo.current = openRunId;
      actions.dismiss();
      setOpenRunId(null);
    };
    return (
      <RunDetailView
        key={openRunId}
        runId={openRunId}
        busy={actions.busy?.runId === openRunId ? actions.busy.action : null}
        error={actions.error?.runId === openRunId ? actions.error.error : null}
        onBack={back}
        onResume={() => {
          // The list shows a resumed run's progress, with Pause: go back there.
          actions.resume(openRunId);
          returnTo.current = openRunId;
          setOpenRunId(null);
        }}
        onExport={(which, format) => actions.exportFile(openRunId, which, format)}
        onDismissError={actions.dismiss}
      />
    );
  }

  return (
    <section className="runs-page" aria-labelledby="runs-title" data-testid="runs-page">
      <header className="step-header step-header-row">
        <div>
          <h1 tabIndex={-1} id="runs-title">
            Runs
          </h1>
          <p className="step-lead">
            Every push, newest first. A run that was cancelled, stopped or cut off resumes where it
            left off: rows already done are never sent twice.
          </p>
        </div>
        <button type="button" className="btn" onClick={list.refresh} data-testid="runs-refresh">
          Refresh
        </button>
      </header>
      {list.error ? <ErrorBanner error={list.error} onRetry={list.refresh} /> : null}
      {list.runs === null ? (
        list.error ? null : (
          <p className="muted" data-testid="runs-loading">
            Loading runs…
          </p>
        )
      ) : runs.length === 0 ? (
        <div className="runs-empty panel" data-testid="runs-empty">
          <p className="runs-empty-title">No pushes yet.</p>
          <p className="muted">
            Runs from the app and from the batchline command line show up here, with their results
            to export and, if one stops before the end, a button to resume it.
          </p>
        </div>
      ) : (
        <ul className="runs-list" aria-label="Runs, newest first" data-testid="runs-list">
          {runs.map((run) => (
            <RunItem
              key={run.runId}
              run={run}
              liveJobId={live.get(run.runId) ?? null}
              busy={actions.busy?.runId === run.runId ? actions.busy.action : null}
              blocked={actions.busy !== null}
              error={actions.error?.runId === run.runId ? actions.error.error : null}
              onResume={() => actions.resume(run.runId)}
              onExport={(which) => actions.exportFile(run.runId, which)}
              onJobEnded={(job) => actions.jobEnded(run.runId, job)}
              onDismissError={actions.dismiss}
              onOpen={() => {
                actions.dismiss();
                setOpenRunId(run.runId);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
