import {
  workspaceNumberIdentity,
  type WebexWorkspaceNumberPayload,
} from '../datasets/webex-workspace-numbers';
import type { ExistingRecord, PlanComparator } from './target-plan';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** One number of a workspace as "Get workspace numbers" lists it. */
export interface WebexListedNumber {
  phoneNumber?: string;
  extension?: string;
  primary?: boolean;
  ringPattern?: string;
}

/** The body of GET /telephony/config/workspaces/{workspaceId}/numbers, as far as we read it. */
export interface WebexWorkspaceNumbers {
  distinctiveRingEnabled?: boolean;
  phoneNumbers?: WebexListedNumber[];
}

/**
 * How a workspace numbers row compares with the workspace's numbers today.
 *
 * An ADD row compares the fields it sets; an existing number with other values is an update
 * (the PUT's ADD sets them again). A DELETE row compares only `action`, so a number that is
 * there plans as an update whose diff reads "action: sheet 'DELETE', target 'ADD'", and one
 * that is not there is unchanged (`doneWhenAbsent`). Only numbers are checked against other
 * workspaces: extensions are unique per location, which the workspaces read cannot show.
 */
export const webexWorkspaceNumbersComparator: PlanComparator<WebexWorkspaceNumberPayload> = {
  identityOf: workspaceNumberIdentity,
  comparable(payload) {
    if (payload.action === 'DELETE') {
      return { action: 'DELETE' };
    }
    const values: Record<string, string> = { action: 'ADD' };
    if (payload.phoneNumber !== undefined) {
      values.phone_number = payload.phoneNumber;
    }
    if (payload.extension !== undefined) {
      values.extension = payload.extension;
    }
    if (payload.primary !== undefined) {
      values.primary = yesNo(payload.primary);
    }
    if (payload.ringPattern !== undefined) {
      values.ring_pattern = payload.ringPattern;
    }
    if (payload.distinctiveRingEnabled !== undefined) {
      values.distinctive_ring = yesNo(payload.distinctiveRingEnabled);
    }
    return values;
  },
  uniqueAcrossTarget: ['phone_number'],
  canUpdate: true,
  doneWhenAbsent(payload) {
    if (payload.action !== 'DELETE') {
      return undefined;
    }
    return payload.phoneNumber !== undefined
      ? `workspace ${payload.workspaceId} does not have ${payload.phoneNumber}; nothing to delete`
      : `workspace ${payload.workspaceId} has no entry with only extension ${payload.extension ?? ''}; nothing to delete (to remove a number, give its phone_number)`;
  },
};

/**
 * The existing records of one workspace: one per listed number, identified like a row
 * (workspace and number, or workspace and extension when the entry has no number) and with
 * the id batchline reports for it (the number, or the extension).
 */
export function workspaceNumberRecords(
  workspaceId: string,
  body: WebexWorkspaceNumbers,
): ExistingRecord[] {
  const distinctive = body.distinctiveRingEnabled === true;
  return (body.phoneNumbers ?? []).flatMap((entry): ExistingRecord[] => {
    const phoneNumber = entry.phoneNumber || undefined;
    const extension = entry.extension || undefined;
    if (phoneNumber === undefined && extension === undefined) {
      return [];
    }
    const values: Record<string, string> = {
      action: 'ADD',
      phone_number: phoneNumber ?? '',
      extension: extension ?? '',
      primary: yesNo(entry.primary === true),
      ring_pattern: entry.ringPattern ?? '',
      distinctive_ring: yesNo(distinctive),
    };
    return [
      {
        id: phoneNumber ?? extension ?? '',
        identity: workspaceNumberIdentity({
          workspaceId,
          action: 'ADD',
          ...(phoneNumber ? { phoneNumber } : {}),
          ...(extension ? { extension } : {}),
        }),
        values,
      },
    ];
  });
}
