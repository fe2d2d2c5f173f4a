import type { PlannedRowView } from '../../shared/ipc/contract';
import type { PlanAction, PlannedRow } from '../../shared/plan/target-plan';

/**
 * The last plan of an open file, for the Plan step to page through: all rows, or the rows of
 * one action. The positions of each action's rows are found once, on first use.
 */
export class PlanIndex {
  private readonly byAction = new Map<PlanAction, number[]>();

  constructor(private readonly rows: readonly PlannedRow[]) {}

  /** `limit` planned rows from `offset`, counted through all rows or those of `action`. */
  page(
    offset: number,
    limit: number,
    action?: PlanAction,
  ): { total: number; rows: PlannedRowView[] } {
    if (action === undefined) {
      return { total: this.rows.length, rows: this.rows.slice(offset, offset + limit).map(view) };
    }
    const positions = this.positionsOf(action);
    return {
      total: positions.length,
      rows: positions.slice(offset, offset + limit).map((index) => view(this.rows[index]!)),
    };
  }

  private positionsOf(action: PlanAction): number[] {
    let positions = this.byAction.get(action);
    if (!positions) {
      positions = [];
      for (let i = 0; i < this.rows.length; i++) {
        if (this.rows[i]!.action === action) {
          positions.push(i);
        }
      }
      this.byAction.set(action, positions);
    }
    return positions;
  }
}

/** A planned row as the renderer sees it (the target's id stays in main). */
function view(row: PlannedRow): PlannedRowView {
  return { row: row.row, action: row.action, message: row.message, diff: row.diff };
}
