import { json } from '../http/sim-http-server';
import type { JsonReply, RequestNotes } from '../http/sim-http-server';
import { webexError } from './webex-errors';
import type { SimWorkspace, SimWorkspaceNumber, WebexState } from './webex-state';
import { checkNumbersBody, type NumberChange } from './workspace-numbers-body';

/**
 * GET /telephony/config/workspaces/{workspaceId}/numbers: Webex's documented "Get workspace
 * numbers". It is not in specs/ (only the PUT is); its shape here follows Webex's reference:
 * distinctive ring, the numbers with extension, primary and ring pattern, and the workspace,
 * location and organization they belong to.
 */
export function getWorkspaceNumbers(workspace: SimWorkspace): JsonReply {
  return json(200, {
    distinctiveRingEnabled: workspace.distinctiveRingEnabled,
    phoneNumbers: workspace.numbers.map((n) => ({
      ...(n.phoneNumber ? { phoneNumber: n.phoneNumber } : {}),
      ...(n.extension ? { extension: n.extension } : {}),
      primary: n.primary,
      ringPattern: n.ringPattern,
    })),
    workspace: { id: workspace.id },
    location: { id: workspace.locationId, name: workspace.locationName },
    organization: { id: workspace.orgId },
  });
}

function matches(entry: SimWorkspaceNumber, change: NumberChange): boolean {
  return change.phoneNumber !== undefined
    ? entry.phoneNumber === change.phoneNumber
    : entry.phoneNumber === undefined && entry.extension === change.extension;
}

/** The conflict of one ADD with numbers and extensions held elsewhere (409), if any. */
function conflictOf(
  state: WebexState,
  workspace: SimWorkspace,
  numbers: readonly SimWorkspaceNumber[],
  change: NumberChange,
): string | undefined {
  const owner = change.phoneNumber ? state.ownerOfNumber(change.phoneNumber) : undefined;
  if (change.phoneNumber && owner && owner.id !== workspace.id) {
    return `Phone number ${change.phoneNumber} is already assigned to another workspace or user.`;
  }
  if (change.extension === undefined) {
    return undefined;
  }
  const here = numbers.find((n) => n.extension === change.extension);
  const elsewhere = state.ownerOfExtension(workspace.locationId, change.extension);
  if ((here && !matches(here, change)) || (elsewhere && elsewhere.id !== workspace.id)) {
    return `Extension ${change.extension} is already in use in location ${workspace.locationName}.`;
  }
  return undefined;
}

/**
 * PUT /telephony/config/workspaces/{workspaceId}/numbers: all or nothing, answered 204.
 *
 * Field rules are 400s (workspace-numbers-body.ts). A DELETE of a number the workspace does
 * not have is a 400 naming it ("… is not assigned …"); a number or extension held by another
 * workspace is a 409 naming it. Where the spec is silent the simulator chooses, and clients
 * must cope either way: an ADD of a number the workspace already has sets its extension,
 * primary and ring pattern again (it is how a row updates one), and a new primary number
 * makes the previous primary an ordinary one.
 */
export function putWorkspaceNumbers(
  state: WebexState,
  workspace: SimWorkspace,
  body: unknown,
  notes: RequestNotes,
): JsonReply {
  const checked = checkNumbersBody(body);
  if (!checked.ok) {
    return webexError(400, checked.message);
  }
  notes.items = checked.changes.length;
  let numbers = workspace.numbers.map((n) => ({ ...n }));
  for (const change of checked.changes.filter((c) => c.action === 'DELETE')) {
    const index = numbers.findIndex((n) => matches(n, change));
    if (index < 0) {
      const what = change.phoneNumber ?? `Extension ${change.extension ?? ''}`;
      return webexError(400, `Phone number ${what} is not assigned to workspace ${workspace.id}.`);
    }
    numbers = numbers.filter((_, i) => i !== index);
  }
  for (const change of checked.changes.filter((c) => c.action === 'ADD')) {
    const conflict = conflictOf(state, workspace, numbers, change);
    if (conflict) {
      return webexError(409, conflict);
    }
    if (change.primary === true) {
      numbers = numbers.map((n) => ({ ...n, primary: false }));
    }
    const current = numbers.find((n) => matches(n, change));
    const next: SimWorkspaceNumber = {
      ...(change.phoneNumber ? { phoneNumber: change.phoneNumber } : {}),
      ...((change.extension ?? current?.extension)
        ? { extension: change.extension ?? current?.extension }
        : {}),
      primary: change.primary ?? current?.primary ?? false,
      ringPattern: change.ringPattern ?? current?.ringPattern ?? 'NORMAL',
    };
    numbers = current ? numbers.map((n) => (n === current ? next : n)) : [...numbers, next];
  }
  state.replaceNumbers(workspace.id, numbers, checked.distinctiveRingEnabled);
  return { kind: 'json', status: 204 };
}
