import type { CrossRowProblem } from '../dataset';
import type { WebexWorkspaceNumberPayload } from './build-workspace-number';

type Row = { row: number; payload: WebexWorkspaceNumberPayload };

/** What a row's entry is called in messages and compared by: the number, else the extension. */
export function entryKey(payload: WebexWorkspaceNumberPayload): string {
  return payload.phoneNumber ?? `ext:${payload.extension ?? ''}`;
}

function entryLabel(payload: WebexWorkspaceNumberPayload): string {
  return payload.phoneNumber ?? `extension ${payload.extension ?? ''}`;
}

function groupBy(rows: readonly Row[], key: (row: Row) => string | undefined): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const k = key(row);
    if (k !== undefined) {
      groups.set(k, [...(groups.get(k) ?? []), row]);
    }
  }
  return groups;
}

const rowList = (rows: readonly Row[]) => rows.map((r) => r.row).join(', ');

/**
 * The rows of a sheet that pull one workspace in different directions, each named on every
 * row involved so none of them is pushed on a guess:
 * - one number both ADDed and DELETEd in a workspace (code CONFLICTING_ACTIONS);
 * - more than one primary number for a workspace (SECOND_PRIMARY);
 * - rows of a workspace disagreeing on distinctive ring, a workspace-wide setting
 *   (CONFLICTING_DISTINCTIVE_RING);
 * - one number ADDed to two workspaces (NUMBER_IN_TWO_WORKSPACES); DELETE from one and ADD
 *   to another is a move, and allowed.
 * A plain repeat (same number, same action, same workspace) marks only the later rows
 * (DUPLICATE_NUMBER), as the sheet-wide duplicate check does for other datasets.
 *
 * These live here and not in `uniqueFields` on purpose: the duplicate check runs first and
 * takes the payload off a repeat, so this check would only ever see the first row of a pair
 * and let it through.
 */
export function workspaceNumberConflicts(rows: readonly Row[]): CrossRowProblem[] {
  const problems: CrossRowProblem[] = [];
  const add = (row: Row, field: string, code: string, message: string) =>
    problems.push({ row: row.row, field, code, message });

  for (const [workspace, members] of groupBy(rows, (r) => r.payload.workspaceId)) {
    for (const same of groupBy(members, (r) => entryKey(r.payload)).values()) {
      const first = same[0];
      if (!first || same.length < 2) {
        continue;
      }
      const label = entryLabel(first.payload);
      if (new Set(same.map((r) => r.payload.action)).size > 1) {
        for (const row of same) {
          const others = same.filter((r) => r !== row);
          add(
            row,
            'action',
            'CONFLICTING_ACTIONS',
            `workspace ${workspace}: ${label} is ${row.payload.action === 'ADD' ? 'added' : 'deleted'} here but ${row.payload.action === 'ADD' ? 'deleted' : 'added'} on row ${rowList(others.filter((r) => r.payload.action !== row.payload.action))}; keep one instruction`,
          );
        }
        continue;
      }
      for (const row of same.slice(1)) {
        add(
          row,
          row.payload.phoneNumber ? 'phone_number' : 'extension',
          'DUPLICATE_NUMBER',
          `workspace ${workspace}: ${label} is listed twice: also on row ${first.row}`,
        );
      }
    }
    const primaries = members.filter((r) => r.payload.primary === true);
    if (primaries.length > 1) {
      for (const row of primaries) {
        add(
          row,
          'primary',
          'SECOND_PRIMARY',
          `workspace ${workspace}: a second primary number; row ${rowList(primaries.filter((r) => r !== row))} is also primary, and a workspace has one`,
        );
      }
    }
    const ring = members.filter((r) => r.payload.distinctiveRingEnabled !== undefined);
    if (new Set(ring.map((r) => r.payload.distinctiveRingEnabled)).size > 1) {
      for (const row of ring) {
        const others = ring.filter(
          (r) => r.payload.distinctiveRingEnabled !== row.payload.distinctiveRingEnabled,
        );
        add(
          row,
          'distinctive_ring',
          'CONFLICTING_DISTINCTIVE_RING',
          `workspace ${workspace}: distinctive_ring is ${row.payload.distinctiveRingEnabled ? 'Yes' : 'No'} here but ${row.payload.distinctiveRingEnabled ? 'No' : 'Yes'} on row ${rowList(others)}; it is one setting per workspace`,
        );
      }
    }
  }

  const added = rows.filter((r) => r.payload.action === 'ADD' && r.payload.phoneNumber);
  for (const [number, same] of groupBy(added, (r) => r.payload.phoneNumber)) {
    if (new Set(same.map((r) => r.payload.workspaceId)).size < 2) {
      continue;
    }
    for (const row of same) {
      const elsewhere = same.filter((r) => r.payload.workspaceId !== row.payload.workspaceId);
      add(
        row,
        'phone_number',
        'NUMBER_IN_TWO_WORKSPACES',
        `${number} is added to workspace ${row.payload.workspaceId} here and to ${elsewhere.map((r) => `workspace ${r.payload.workspaceId} on row ${r.row}`).join(', ')}; a number belongs to one workspace`,
      );
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}
