import type { ValidatedRow } from '../validation/validate-table';

/** What a push would do with one row, decided against what the target holds today. */
export type PlanAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'invalid';

/** One field whose value in the sheet differs from the target's. */
export interface FieldDiff {
  field: string;
  sheet: string;
  target: string;
}

/** A thing that already exists on the target, in the comparable form of its dataset. */
export interface ExistingRecord {
  id: string;
  /** The natural key (lowercased email, extension…), as `identityOf` gives it. */
  identity: string;
  /** Comparable values by field; also the values other rows must not collide with. */
  values: Readonly<Record<string, string>>;
}

/** How a dataset compares a sheet row with an existing record. */
export interface PlanComparator<P> {
  identityOf(payload: P): string;
  /** The row's comparable values; only fields the sheet sets are compared. */
  comparable(payload: P): Record<string, string>;
  /** Fields that must not point at another existing record (an extension in use by someone else). */
  uniqueAcrossTarget: readonly string[];
  /** Whether the target can update an existing record from a row; Zoom's batch add cannot. */
  canUpdate: boolean;
  /**
   * Why a row needs nothing when the target holds nothing with its identity: a removal (a
   * Webex DELETE) of something already gone is "unchanged", not a create. Returns undefined
   * for a row that creates; without the hook every such row creates.
   */
  doneWhenAbsent?(payload: P): string | undefined;
  /**
   * Fields whose comparable value must name something the target already holds and the row
   * does not create (a group member's extension must be a user's), with what a missing one
   * means ("has no user on the PBX"). Checked only for fields the plan's `references` cover,
   * so an offline plan skips it; a row that misses is a conflict naming the field, found
   * before anything is written (dry run included).
   */
  mustExist?: readonly { field: string; missing: string }[];
  /**
   * Why a row cannot create what it names when the target does not hold it yet (a new
   * PortSIP user needs the password an existing one may leave out): the row is a conflict
   * with that reason instead of a create bound to be refused.
   */
  createProblem?(payload: P): string | undefined;
  /**
   * Fields an update cannot change (a PortSIP user's name): a row that differs in one is a
   * conflict, since "updating" it would leave the difference in place.
   */
  fixedFields?: readonly string[];
}

/**
 * What the target holds that rows point at, by field: the comparable values that exist (every
 * user's extension, every group's lowercased name). Read by PushAdapter.references.
 */
export type TargetReferences = ReadonlyMap<string, ReadonlySet<string>>;

export interface PlannedRow {
  row: number;
  action: PlanAction;
  id?: string;
  diff: FieldDiff[];
  message: string;
}

export interface PlanSummary {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  conflict: number;
  invalid: number;
  /** How many records the target held when the plan was made. */
  existing: number;
  /** Share of existing records the run would change (0-1); Okta's rule stops above 20%. */
  changeShare: number;
  needsConfirmation: boolean;
}

/** Above this share of existing records changed, a run needs an explicit confirmation. */
export const LARGE_CHANGE_SHARE = 0.2;

/**
 * Fewer changes than this never need a confirmation: datasets read per parent (the numbers of
 * the workspaces a sheet names) hold few records, and one removal there is "over 20%".
 */
export const LARGE_CHANGE_MIN_ROWS = 10;

function describeDiff(diff: readonly FieldDiff[]): string {
  return diff.map((d) => `${d.field}: sheet '${d.sheet}', target '${d.target}'`).join('; ');
}

function missingReference<P>(
  payload: P,
  comparator: PlanComparator<P>,
  references: TargetReferences | undefined,
): string | undefined {
  if (!references || !comparator.mustExist) {
    return undefined;
  }
  const values = comparator.comparable(payload);
  for (const { field, missing } of comparator.mustExist) {
    const known = references.get(field);
    const value = values[field];
    if (known && value !== undefined && !known.has(value)) {
      return `${field} '${value}' ${missing}`;
    }
  }
  return undefined;
}

function collision<P>(
  payload: P,
  comparator: PlanComparator<P>,
  byValue: Map<string, ExistingRecord>,
  identity: string,
): string | undefined {
  const values = comparator.comparable(payload);
  for (const field of comparator.uniqueAcrossTarget) {
    for (const value of (values[field] ?? '').split(';').filter(Boolean)) {
      const owner = byValue.get(`${field}\u0000${value}`);
      if (owner && owner.identity !== identity) {
        return `${field} ${value} already belongs to ${owner.identity} on the target`;
      }
    }
  }
  return undefined;
}

/**
 * Labels every row create / update / unchanged / conflict / invalid against the target's
 * current records, with a field-level diff. Nothing existing is ever planned for change
 * unless `allowUpdates` is set and the target can update.
 */
export function planAgainstTarget<P>(
  rows: readonly ValidatedRow<P>[],
  comparator: PlanComparator<P>,
  existing: readonly ExistingRecord[],
  options: { allowUpdates: boolean; references?: TargetReferences },
): { rows: PlannedRow[]; summary: PlanSummary } {
  const byIdentity = new Map(existing.map((record) => [record.identity, record]));
  const byValue = new Map<string, ExistingRecord>();
  for (const record of existing) {
    for (const field of comparator.uniqueAcrossTarget) {
      for (const value of (record.values[field] ?? '').split(';').filter(Boolean)) {
        byValue.set(`${field}\u0000${value}`, record);
      }
    }
  }
  const planned = rows.map((row): PlannedRow => {
    if (row.payload === undefined) {
      return { row: row.row, action: 'invalid', diff: [], message: 'invalid: not sent' };
    }
    const absent = missingReference(row.payload, comparator, options.references);
    if (absent) {
      return { row: row.row, action: 'conflict', diff: [], message: `conflict: ${absent}` };
    }
    const identity = comparator.identityOf(row.payload).toLowerCase();
    const clash = collision(row.payload, comparator, byValue, identity);
    if (clash) {
      return { row: row.row, action: 'conflict', diff: [], message: `conflict: ${clash}` };
    }
    const current = byIdentity.get(identity);
    if (!current) {
      const done = comparator.doneWhenAbsent?.(row.payload);
      const refused = done === undefined ? comparator.createProblem?.(row.payload) : undefined;
      if (refused !== undefined) {
        return { row: row.row, action: 'conflict', diff: [], message: `conflict: ${refused}` };
      }
      return done === undefined
        ? { row: row.row, action: 'create', diff: [], message: 'will be created' }
        : { row: row.row, action: 'unchanged', diff: [], message: `unchanged: ${done}` };
    }
    const diff = Object.entries(comparator.comparable(row.payload))
      .filter(([field, value]) => (current.values[field] ?? '') !== value)
      .map(([field, value]) => ({ field, sheet: value, target: current.values[field] ?? '' }));
    if (diff.length === 0) {
      return {
        row: row.row,
        action: 'unchanged',
        id: current.id,
        diff,
        message: 'unchanged: already on the target with the same values',
      };
    }
    const fixed = diff.filter((d) => comparator.fixedFields?.includes(d.field) === true);
    if (fixed.length > 0) {
      return {
        row: row.row,
        action: 'conflict',
        id: current.id,
        diff,
        message: `conflict: exists with other values (${describeDiff(fixed)}); ${fixed.map((d) => d.field).join(', ')} cannot be changed by an update`,
      };
    }
    if (options.allowUpdates && comparator.canUpdate) {
      return {
        row: row.row,
        action: 'update',
        id: current.id,
        diff,
        message: `will be updated (${describeDiff(diff)})`,
      };
    }
    const why = comparator.canUpdate
      ? 'not updated without "update existing"'
      : 'this target cannot update it from a sheet';
    return {
      row: row.row,
      action: 'conflict',
      id: current.id,
      diff,
      message: `conflict: exists with other values (${describeDiff(diff)}); ${why}`,
    };
  });
  const count = (action: PlanAction) => planned.filter((row) => row.action === action).length;
  const update = count('update');
  const changeShare = existing.length === 0 ? 0 : update / existing.length;
  return {
    rows: planned,
    summary: {
      total: rows.length,
      create: count('create'),
      update,
      unchanged: count('unchanged'),
      conflict: count('conflict'),
      invalid: count('invalid'),
      existing: existing.length,
      changeShare,
      needsConfirmation: changeShare > LARGE_CHANGE_SHARE && update >= LARGE_CHANGE_MIN_ROWS,
    },
  };
}
