import type { PlanSummary } from './target-plan';

/** The counts of a plan an admin was shown, which a push must still match. */
export type PlanCounts = Pick<
  PlanSummary,
  'create' | 'update' | 'unchanged' | 'conflict' | 'invalid'
>;

const ACTIONS: readonly { key: keyof PlanCounts; label: string }[] = [
  { key: 'create', label: 'to create' },
  { key: 'update', label: 'to update' },
  { key: 'unchanged', label: 'unchanged' },
  { key: 'conflict', label: 'in conflict' },
  { key: 'invalid', label: 'invalid' },
];

/**
 * How the plan made at push time differs from the one the admin was shown, as a phrase
 * ("2 to create (planned 5), 3 unchanged (planned 0)"), or undefined when the counts match.
 * The target can change between the two (another admin, a sync job); pushing a different
 * plan than the one confirmed would not be honest, so the push stops before any write.
 */
export function planDrift(shown: PlanCounts, now: PlanCounts): string | undefined {
  const changed = ACTIONS.filter(({ key }) => shown[key] !== now[key]).map(
    ({ key, label }) =>
      `${now[key].toLocaleString('en-US')} ${label} (planned ${shown[key].toLocaleString('en-US')})`,
  );
  return changed.length > 0 ? changed.join(', ') : undefined;
}
