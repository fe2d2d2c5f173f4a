import { useCallback, useReducer } from 'react';
import {
  MAX_UPLOAD_BASE64,
  type ImportPreview,
  type JobState,
  type ValidationView,
} from '../../../shared/ipc/contract';
import type { BatchlineApi } from '../../../shared/ipc/api';
import type { Result } from '../../../shared/result';
import type { ExportFormat } from '../../../shared/results/export-format';
import { useApi } from '../../app/use-api';
import { useBridgeCall, type BridgeCall } from '../../app/use-bridge-call';
import { downloadFile } from '../../app/download-file';
import type { DatasetChoice } from './datasets';
import { editLossQuestion } from './edit-loss';
import { readChosenFile } from './read-chosen-file';
import { base64Length, readFileAsBase64 } from './read-file-base64';
import {
  INITIAL_WIZARD_STATE,
  wizardReducer,
  type FileSource,
  type ReadChoices,
  type WizardAction,
  type WizardState,
} from './wizard-state';

/** The import flow's state and every action its screens can take. */
export interface ImportWizard {
  state: WizardState;
  call: BridgeCall;
  openFile: (dataset: DatasetChoice, file: File) => void;
  /**
   * A file main has read (chosen in its dialog, or from Recent): the flow starts again on its
   * mapping, from whichever screen it was on. Callers keep it away from a running push.
   */
  opened: (dataset: DatasetChoice, preview: ImportPreview, source: FileSource) => void;
  /** Reads the open file again with other choices (encoding, delimiter, header row). */
  reopen: (choices: ReadChoices) => void;
  /** Drops the remembered mapping for the automatic one. */
  resetMapping: () => void;
  downloadTemplate: (dataset: DatasetChoice, format: ExportFormat) => void;
  setMapping: (field: string, header: string | null) => void;
  setCountry: (country: string) => void;
  validate: () => void;
  /** Takes the validation main answered after an edit in the review grid. */
  revalidated: (validation: ValidationView) => void;
  /** Plans the push against the connection's target: from Review, or again on the Plan step. */
  plan: (connectionId: string, allowUpdates: boolean) => void;
  /** Starts the planned push; `confirmLarge` when the admin confirmed a large change. */
  startPush: (connectionId: string, confirmLarge: boolean) => void;
  finish: (job: JobState) => void;
  /** The push was paused: its job ended as cancelled and its run can resume. */
  pause: (job: JobState) => void;
  /** Resumes the paused run as a new job, which the run step then follows. */
  resumeRun: (runId: string) => void;
  exportResults: (which: 'all' | 'failed', format: ExportFormat) => void;
  back: () => void;
  reset: () => void;
  /** Moves the flow directly; for features with calls of their own (batch/use-batch-file.ts). */
  dispatch: (action: WizardAction) => void;
}

/**
 * Drives the import flow: each action calls main through the bridge and moves the pure
 * {@link wizardReducer} on success; failures land in `call.error` for the banner.
 */
export function useImportWizard(): ImportWizard {
  const api = useApi();
  const call = useBridgeCall();
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_WIZARD_STATE);
  const { run, fail, dismiss } = call;

  const opened = useCallback(
    (dataset: DatasetChoice, preview: ImportPreview, source: FileSource) => {
      dispatch({ type: 'reset' });
      dispatch({ type: 'opened', dataset, preview, source });
    },
    [],
  );

  const openFile = useCallback(
    (dataset: DatasetChoice, file: File) => {
      if (base64Length(file.size) > MAX_UPLOAD_BASE64) {
        const megabytes = Math.round(file.size / 1_000_000);
        fail({
          code: 'FILE_UNREADABLE',
          message: `${file.name} is ${megabytes} MB; batchline opens files up to 100 MB.`,
          retryable: false,
        });
        return;
      }
      run(
        `Reading ${file.name}…`,
        () => openWith(api, dataset, file, {}),
        (preview) => opened(dataset, preview, file),
      );
    },
    [api, run, fail, opened],
  );

  const reopen = useCallback(
    (choices: ReadChoices) => {
      if (state.step !== 'mapping') {
        return;
      }
      const question = editLossQuestion(state.file, 'reread');
      if (question && !window.confirm(question)) {
        return;
      }
      const { dataset, source } = state.file;
      run(
        `Reading ${source.name} again…`,
        () => openWith(api, dataset, source, choices),
        (preview) => dispatch({ type: 'reopened', preview, readChoices: choices }),
      );
    },
    [api, run, state],
  );

  const downloadTemplate = useCallback(
    (dataset: DatasetChoice, format: ExportFormat) =>
      run(
        'Preparing the template…',
        () => api.files.template({ target: dataset.target, kind: dataset.kind, format }),
        downloadFile,
      ),
    [api, run],
  );

  const validate = useCallback(() => {
    if (state.step !== 'mapping') {
      return;
    }
    const { dataset, preview, mapping, country } = state.file;
    run(
      'Checking every row…',
      () =>
        api.import.validate({
          target: dataset.target,
          kind: dataset.kind,
          fileId: preview.fileId,
          mapping,
          ...(country ? { country } : {}),
        }),
      (validation) => {
        const blocking = validation.mappingIssues.filter((issue) => issue.severity === 'error');
        dispatch(
          blocking.length > 0
            ? { type: 'mapping-rejected', issues: blocking }
            : { type: 'validated', validation },
        );
      },
    );
  }, [api, run, state]);

  const plan = useCallback(
    (connectionId: string, allowUpdates: boolean) => {
      if (state.step !== 'review' && state.step !== 'plan') {
        return;
      }
      const { dataset, preview, mapping, country } = state.file;
      run(
        'Reading the target…',
        () =>
          api.import.plan({
            target: dataset.target,
            kind: dataset.kind,
            fileId: preview.fileId,
            mapping,
            connectionId,
            allowUpdates,
            ...(country ? { country } : {}),
          }),
        (planned) => dispatch({ type: 'planned', plan: planned, allowUpdates }),
      );
    },
    [api, run, state],
  );

  const startPush = useCallback(
    (connectionId: string, confirmLarge: boolean) => {
      if (state.step !== 'plan') {
        return;
      }
      const { dataset, preview, mapping, country } = state.file;
      const { allowUpdates } = state;
      const { create, update, unchanged, conflict, invalid } = state.plan.summary;
      run(
        'Starting the push…',
        () =>
          api.jobs.start({
            target: dataset.target,
            kind: dataset.kind,
            fileId: preview.fileId,
            mapping,
            connectionId,
            allowUpdates,
            confirmLarge,
            // The push re-plans against the target; it must match what this screen showed.
            expectedPlan: { create, update, unchanged, conflict, invalid },
            ...(country ? { country } : {}),
          }),
        ({ jobId }) => dispatch({ type: 'started', jobId }),
      );
    },
    [api, run, state],
  );

  const resumeRun = useCallback(
    (runId: string) =>
      run(
        'Resuming the push…',
        () => api.runs.resume({ runId }),
        ({ jobId }) => dispatch({ type: 'resumed', jobId }),
      ),
    [api, run],
  );

  const exportResults = useCallback(
    (which: 'all' | 'failed', format: ExportFormat) => {
      if (state.step !== 'results') {
        return;
      }
      run(
        which === 'all' ? 'Exporting results…' : 'Exporting failed rows…',
        () => api.results.export({ jobId: state.job.jobId, which, format }),
        downloadFile,
      );
    },
    [api, run, state],
  );

  const move = useCallback(
    (action: 'back' | 'reset') => {
      dismiss();
      dispatch({ type: action });
    },
    [dismiss],
  );

  return {
    state,
    call,
    openFile,
    opened,
    reopen,
    resetMapping: useCallback(() => dispatch({ type: 'mapping-reset' }), []),
    downloadTemplate,
    setMapping: useCallback(
      (field: string, header: string | null) =>
        dispatch({ type: 'mapping-changed', field, header }),
      [],
    ),
    setCountry: useCallback(
      (country: string) => dispatch({ type: 'country-changed', country }),
      [],
    ),
    validate,
    revalidated: useCallback(
      (validation: ValidationView) => dispatch({ type: 'revalidated', validation }),
      [],
    ),
    plan,
    startPush,
    finish: useCallback((job: JobState) => dispatch({ type: 'finished', job }), []),
    pause: useCallback((job: JobState) => dispatch({ type: 'paused', job }), []),
    resumeRun,
    exportResults,
    back: useCallback(() => {
      const question = state.step === 'mapping' && editLossQuestion(state.file, 'leave');
      if (!question || window.confirm(question)) {
        move('back');
      }
    }, [move, state]),
    reset: useCallback(() => move('reset'), [move]),
    dispatch,
  };
}

/**
 * Hands a chosen file to main with the read choices made so far. A file that vanished or
 * changed on disk since it was chosen fails here, as a retryable FILE_UNREADABLE. A file
 * main opened from disk is read again there, by its Recent id.
 */
async function openWith(
  api: BatchlineApi,
  dataset: DatasetChoice,
  source: FileSource,
  choices: ReadChoices,
): Promise<Result<ImportPreview>> {
  if (!(source instanceof File)) {
    const { target, kind } = dataset;
    return api.recent.open({ id: source.recentId, target, kind, ...choices });
  }
  const file = source;
  const data = await readChosenFile(file, readFileAsBase64);
  if (!data.ok) {
    return data;
  }
  return api.import.open({
    target: dataset.target,
    kind: dataset.kind,
    fileName: file.name || 'file.csv',
    dataBase64: data.value,
    ...choices,
  });
}
