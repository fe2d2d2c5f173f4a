import type { PlanAction, PlannedRowView, PlanView } from '../../../../shared/ipc/contract';
import { countOf } from '../../../app/format';

/** The actions of a plan, in the order the screen lists them. */
export const PLAN_ACTIONS: readonly PlanAction[] = [
  'create',
  'update',
  'unchanged',
  'conflict',
  'invalid',
];

/** The word an action is shown with, on its tile, badge and filter option. */
export const ACTION_LABELS: Readonly<Record<PlanAction, string>> = {
  create: 'Create',
  update: 'Update',
  unchanged: 'Unchanged',
  conflict: 'Conflict',
  invalid: 'Invalid',
};

/** "under 1 s", "about 12 s", "about 3 min": how long a push would take, roughly. */
export function etaText(seconds: number): string {
  if (seconds < 1) {
    return 'under 1 s';
  }
  if (seconds < 90) {
    return `about ${Math.ceil(seconds)} s`;
  }
  return `about ${Math.ceil(seconds / 60)} min`;
}

/** "3 requests of at most 10 rows · about 1 s at 10 requests/s" */
export function requestsLine(plan: PlanView): string {
  return `${countOf(plan.batches, 'request')} of at most ${countOf(plan.batchSize, 'row')} · ${etaText(plan.etaSeconds)} at ${plan.maxRps.toLocaleString()} requests/s`;
}

/** "department: Sales → Support": each differing field, from the target's value to the sheet's. */
export function diffText(diff: PlannedRowView['diff']): string {
  return diff
    .map((d) => `${d.field}: ${d.target === '' ? '(empty)' : d.target} → ${d.sheet}`)
    .join('; ');
}

/** Rows a push would send: the creates and the updates. */
export function changesOf(plan: PlanView): number {
  return plan.summary.create + plan.summary.update;
}

/**
 * "Push 3 changes to Sandbox". When every row is settled already (unchanged, conflicting or
 * invalid) the push sends nothing but still records the run and its results sheet, which an
 * admin keeps as the record of what was checked.
 */
export function pushLabel(plan: PlanView, destination: string | null): string {
  const changes = changesOf(plan);
  if (changes === 0) {
    return 'Nothing to send: record the results';
  }
  return `Push ${countOf(changes, 'change')}${destination ? ` to ${destination}` : ''}`;
}

/** "I confirm changing 12 of the 40 existing records (30%)" */
export function confirmationText(plan: PlanView): string {
  const { update, existing, changeShare } = plan.summary;
  return `I confirm changing ${update.toLocaleString()} of the ${existing.toLocaleString()} existing records (${Math.round(changeShare * 100)}%)`;
}
