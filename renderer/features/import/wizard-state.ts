import type {
  ArgsOf,
  ImportPreview,
  JobState,
  MappingIssue,
  PlanView,
  ValidationView,
} from '../../../shared/ipc/contract';
import type { Mapping } from '../../../shared/datasets/targets';
import type { DatasetChoice } from './datasets';
import { batchTransition, type BatchAction, type PendingBatch } from './batch/batch-state';

/** The screens of the import flow, in order. */
export type WizardStep = 'start' | 'mapping' | 'review' | 'plan' | 'run' | 'results';

/** The stepper's labels, in order. */
export const WIZARD_STEPS: readonly { id: WizardStep; label: string }[] = [
  { id: 'start', label: 'Choose file' },
  { id: 'mapping', label: 'Map columns' },
  { id: 'review', label: 'Review' },
  { id: 'plan', label: 'Plan' },
  { id: 'run', label: 'Push' },
  { id: 'results', label: 'Results' },
];

/** How the admin asked for a file to be read; an absent choice means "as detected". */
export type ReadChoices = Pick<
  ArgsOf<'import:open'>,
  'encoding' | 'delimiter' | 'headerRow' | 'sheet'
>;

/**
 * Where an opened file came from, to read it again with other choices: a File the admin
 * chose or dropped, or a file main opened from disk, known here by its Recent id only.
 */
export type FileSource = File | { recentId: string; name: string };

/** A file main has read, and the choices made about it so far. */
export interface OpenedFile {
  dataset: DatasetChoice;
  preview: ImportPreview;
  /** The file as chosen, kept so it can be read again with other choices (never a path). */
  source: FileSource;
  readChoices: ReadChoices;
  mapping: Mapping;
  /** Where `mapping` started from: the admin's earlier mapping, until they reset it. */
  mappingSource: ImportPreview['mappingSource'];
  /** ISO country for phone numbers written without +; empty for none. */
  country: string;
  /** Mapping problems main found when asked to validate (they can differ from the live check). */
  rejectedIssues: MappingIssue[];
  /**
   * Cells the admin edited in the grid, as of the last check: reading the file again or
   * leaving it from the mapping step loses them, so those ask first.
   */
  editedCells?: number;
}

/**
 * Where the flow is, with exactly the data that screen needs: a screen cannot be shown
 * without the answers of the screens before it.
 */
export type WizardState =
  | {
      step: 'start';
      /** A saved batch waiting for its source file. */
      pendingBatch?: PendingBatch;
    }
  | { step: 'mapping'; file: OpenedFile }
  | { step: 'review'; file: OpenedFile; validation: ValidationView }
  | {
      step: 'plan';
      file: OpenedFile;
      validation: ValidationView;
      /** What a push would do, planned against the target with `allowUpdates`. */
      plan: PlanView;
      allowUpdates: boolean;
    }
  | {
      step: 'run';
      file: OpenedFile;
      validation: ValidationView;
      jobId: string;
      /** The job the admin paused (it ended as cancelled, its run resumable), until resumed. */
      paused?: JobState;
    }
  | { step: 'results'; file: OpenedFile; validation: ValidationView; job: JobState };

/** Everything that moves the flow. */
export type WizardAction =
  | { type: 'opened'; dataset: DatasetChoice; preview: ImportPreview; source: FileSource }
  | { type: 'reopened'; preview: ImportPreview; readChoices: ReadChoices }
  | { type: 'mapping-changed'; field: string; header: string | null }
  | { type: 'mapping-reset' }
  | { type: 'country-changed'; country: string }
  | { type: 'mapping-rejected'; issues: MappingIssue[] }
  | { type: 'validated'; validation: ValidationView }
  /** The open table was edited in the review grid and checked again. */
  | { type: 'revalidated'; validation: ValidationView }
  | { type: 'planned'; plan: PlanView; allowUpdates: boolean }
  | { type: 'started'; jobId: string }
  | { type: 'finished'; job: JobState }
  | { type: 'paused'; job: JobState }
  | { type: 'resumed'; jobId: string }
  | BatchAction
  | { type: 'back' }
  | { type: 'reset' };

/** The state the flow starts in and returns to on "Start a new import". */
export const INITIAL_WIZARD_STATE: WizardState = { step: 'start' };

function withMapping(file: OpenedFile, field: string, header: string | null): OpenedFile {
  const mapping: Mapping = { ...file.mapping };
  if (header === null) {
    delete mapping[field];
  } else {
    mapping[field] = header;
  }
  return { ...file, mapping, rejectedIssues: [] };
}

/**
 * The file read again with other choices (encoding, delimiter, header row, sheet). The admin's
 * mapping is kept when the columns are the same; new columns start from main's suggestion.
 */
function reopened(file: OpenedFile, preview: ImportPreview, readChoices: ReadChoices): OpenedFile {
  const old = file.preview.headers;
  const sameColumns =
    old.length === preview.headers.length && old.every((h, i) => h === preview.headers[i]);
  return {
    ...file,
    preview,
    readChoices,
    mapping: sameColumns ? file.mapping : { ...preview.suggestedMapping },
    mappingSource: sameColumns ? file.mappingSource : preview.mappingSource,
    rejectedIssues: [],
    // A new reading of the file: the edits were made on the old one.
    editedCells: 0,
  };
}

/**
 * The flow as a pure function, so every transition is testable without React.
 *
 * Actions that do not fit the current screen leave the state alone: a late reply from a
 * screen the admin already left must not pull them back.
 */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'opened':
      return state.step === 'start'
        ? {
            step: 'mapping',
            file: {
              dataset: action.dataset,
              preview: action.preview,
              source: action.source,
              readChoices: {},
              mapping: { ...action.preview.suggestedMapping },
              mappingSource: action.preview.mappingSource,
              country: action.preview.suggestedCountry ?? '',
              rejectedIssues: [],
            },
          }
        : state;
    case 'reopened':
      return state.step === 'mapping'
        ? { ...state, file: reopened(state.file, action.preview, action.readChoices) }
        : state;
    case 'mapping-changed':
      return state.step === 'mapping'
        ? { ...state, file: withMapping(state.file, action.field, action.header) }
        : state;
    case 'mapping-reset':
      return state.step === 'mapping'
        ? {
            ...state,
            file: {
              ...state.file,
              mapping: { ...state.file.preview.automaticMapping },
              mappingSource: 'automatic',
              rejectedIssues: [],
            },
          }
        : state;
    case 'country-changed':
      return state.step === 'mapping'
        ? { ...state, file: { ...state.file, country: action.country } }
        : state;
    case 'mapping-rejected':
      return state.step === 'mapping'
        ? { ...state, file: { ...state.file, rejectedIssues: action.issues } }
        : state;
    case 'validated':
      return state.step === 'mapping'
        ? { step: 'review', file: state.file, validation: action.validation }
        : state;
    case 'revalidated':
      return state.step === 'review' ? { ...state, validation: action.validation } : state;
    case 'planned':
      // From Review, or planned again on the Plan step (the admin changed "update existing").
      return state.step === 'review' || state.step === 'plan'
        ? {
            step: 'plan',
            file: state.file,
            validation: state.validation,
            plan: action.plan,
            allowUpdates: action.allowUpdates,
          }
        : state;
    case 'started':
      return state.step === 'plan'
        ? { step: 'run', file: state.file, validation: state.validation, jobId: action.jobId }
        : state;
    case 'finished':
      return state.step === 'run' && state.jobId === action.job.jobId
        ? { step: 'results', file: state.file, validation: state.validation, job: action.job }
        : state;
    case 'paused':
      return state.step === 'run' && state.jobId === action.job.jobId
        ? { ...state, paused: action.job }
        : state;
    case 'resumed':
      // The resumed run is a new job: the step follows it from here.
      return state.step === 'run' && state.paused
        ? { step: 'run', file: state.file, validation: state.validation, jobId: action.jobId }
        : state;
    case 'back':
      return stepBack(state);
    case 'batch-chosen':
    case 'batch-dropped':
    case 'batch-opened':
      return batchTransition(state, action);
    case 'reset':
      return INITIAL_WIZARD_STATE;
  }
}

function stepBack(state: WizardState): WizardState {
  switch (state.step) {
    case 'start':
      return state;
    case 'mapping':
      return INITIAL_WIZARD_STATE;
    case 'review':
      return {
        step: 'mapping',
        file: { ...state.file, editedCells: state.validation.editedCells ?? 0 },
      };
    case 'plan':
      return { step: 'review', file: state.file, validation: state.validation };
    case 'run':
      // A running push is left through Cancel; Back would hide a job that is still sending.
      return state;
    case 'results':
      return { step: 'review', file: state.file, validation: state.validation };
  }
}
