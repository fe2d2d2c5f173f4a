import { describe, expect, it } from 'vitest';
import type { JobState, ValidationView } from '../../../../shared/ipc/contract';
import {
  wizardReducer,
  type OpenedFile,
  type WizardState,
} from '../../../../renderer/features/import/wizard-state';

const file = { mapping: {} } as unknown as OpenedFile;
const validation = { rowCount: 300 } as unknown as ValidationView;
const running: WizardState = { step: 'run', file, validation, jobId: 'j1' };
const pausedJob = { jobId: 'j1', state: 'cancelled' } as unknown as JobState;

describe('pausing and resuming a push in the wizard', () => {
  it('stays on the push step when paused, then follows the resumed job', () => {
    const paused = wizardReducer(running, { type: 'paused', job: pausedJob });
    expect(paused).toEqual({ ...running, paused: pausedJob });
    const resumed = wizardReducer(paused, { type: 'resumed', jobId: 'j2' });
    expect(resumed).toEqual({ step: 'run', file, validation, jobId: 'j2' });
    // The old job's end no longer moves the flow; the new one's does.
    expect(wizardReducer(resumed, { type: 'finished', job: pausedJob })).toBe(resumed);
    const done = { jobId: 'j2', state: 'completed' } as unknown as JobState;
    expect(wizardReducer(resumed, { type: 'finished', job: done })).toMatchObject({
      step: 'results',
      job: done,
    });
  });

  it('stops here: the paused job goes to the results', () => {
    const paused = wizardReducer(running, { type: 'paused', job: pausedJob });
    expect(wizardReducer(paused, { type: 'finished', job: pausedJob })).toEqual({
      step: 'results',
      file,
      validation,
      job: pausedJob,
    });
  });

  it('ignores a pause of another job and a resume of a push that is not paused', () => {
    const other = { ...pausedJob, jobId: 'j0' };
    expect(wizardReducer(running, { type: 'paused', job: other })).toBe(running);
    expect(wizardReducer(running, { type: 'resumed', jobId: 'j2' })).toBe(running);
    expect(wizardReducer(running, { type: 'back' })).toBe(running);
  });
});
