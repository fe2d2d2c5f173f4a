import type { DatasetDef } from '../../../shared/datasets/dataset';
import { AppError } from '../../../shared/errors';
import { comparatorFor } from '../../../shared/plan/comparators';
import { planBatches } from '../../../shared/plan/plan-batches';
import {
  planAgainstTarget,
  type PlannedRow,
  type PlanSummary,
} from '../../../shared/plan/target-plan';
import type { ValidatedRow } from '../../../shared/validation/validate-table';
import type { Pace, PushAdapter } from '../push/push-adapter';

/** A push planned against the target's current records. */
export interface PushPlan {
  rows: PlannedRow[];
  summary: PlanSummary;
}

/**
 * Reads what the target holds and labels every row (dry run, and the first step of every
 * push). Returns undefined for datasets that cannot be compared yet; they push unplanned.
 */
export async function planPush<P>(
  dataset: DatasetDef<P>,
  rows: readonly ValidatedRow<P>[],
  adapter: PushAdapter<P>,
  options: { allowUpdates: boolean; pace?: Pace },
): Promise<PushPlan | undefined> {
  const comparator = comparatorFor(dataset.target, dataset.kind);
  if (!comparator || !adapter.snapshot) {
    return undefined;
  }
  const payloads = rows.flatMap((row) => (row.payload === undefined ? [] : [row.payload]));
  const pace = options.pace ?? (async () => {});
  const existing = await adapter.snapshot(pace, payloads);
  // Rows that point at things they do not create are checked here, before any write.
  const references =
    comparator.mustExist && adapter.references
      ? await adapter.references(pace, payloads)
      : undefined;
  return planAgainstTarget(rows as readonly ValidatedRow<unknown>[], comparator, existing, {
    allowUpdates: options.allowUpdates,
    ...(references ? { references } : {}),
  });
}

/** Refuses a run that would change more than 20% of the existing records without a confirmation. */
export function requireConfirmation(
  plan: PushPlan | undefined,
  confirmed: boolean,
  how: string,
): void {
  if (!plan?.summary.needsConfirmation || confirmed) {
    return;
  }
  const { update, existing, changeShare } = plan.summary;
  throw new AppError(
    'USAGE',
    `This run would change ${update} of the ${existing} existing records (${Math.round(changeShare * 100)}%, over 20%); ${how} to go ahead.`,
  );
}

/**
 * The requests a push would make: rows to send, cut as the run cuts them (groups, creates
 * apart from updates). Without a plan every valid row is sent as a create.
 */
export function countBatches<P>(
  dataset: DatasetDef<P>,
  rows: readonly ValidatedRow<P>[],
  plan: PushPlan | undefined,
): number {
  const action = new Map((plan?.rows ?? []).map((row) => [row.row, row.action]));
  const toSend = rows.filter((row) => {
    const planned = action.get(row.row);
    return planned === undefined
      ? row.payload !== undefined
      : planned === 'create' || planned === 'update';
  });
  return planBatches(
    toSend,
    dataset.batchSize,
    (row, payload) => `${action.get(row) ?? 'create'}\u0000${dataset.groupOf?.(payload) ?? ''}`,
  ).length;
}
