import type { Kind, Target } from '../datasets/targets';
import type { PlanComparator } from './target-plan';
import { zoomUsersComparator } from './zoom-users-compare';

// Keyed "target/kind", like the dataset registry; a dataset without one is pushed unplanned.
const COMPARATORS: ReadonlyMap<string, PlanComparator<never>> = new Map([
  ['zoom/users', zoomUsersComparator],
]);

/** How rows of a dataset compare with what the target holds, or undefined. */
export function comparatorFor(target: Target, kind: Kind): PlanComparator<unknown> | undefined {
  return COMPARATORS.get(`${target}/${kind}`);
}
