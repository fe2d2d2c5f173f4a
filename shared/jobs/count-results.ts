import type { ResultStatus } from './run-types';

/**
 * How many results have each status, in one pass: the run summary main writes and the
 * results step's filter counts come from here, so the two always agree.
 */
export function countByStatus(
  items: readonly { status: ResultStatus }[],
): Record<ResultStatus, number> {
  const counts: Record<ResultStatus, number> = {
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    invalid: 0,
  };
  for (const item of items) {
    counts[item.status] += 1;
  }
  return counts;
}
