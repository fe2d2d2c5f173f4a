import type { DatasetDef } from './dataset';
import type { DatasetOptions } from './zoom-users';
import { toCountryCode } from '../phone/normalise-phone';
import { parserOf, parserSchema, type RecordParser } from '../validation/record-parser';
import {
  buildWorkspaceNumber,
  type WebexWorkspaceNumberPayload,
} from './webex/build-workspace-number';
import { entryKey, workspaceNumberConflicts } from './webex/workspace-number-conflicts';
import { NUMBERS_PER_CALL, WORKSPACE_NUMBER_FIELDS } from './webex/workspace-number-fields';
import { workspaceNumberWarnings } from './webex/workspace-number-warnings';

export type { WebexWorkspaceNumberPayload } from './webex/build-workspace-number';

/**
 * The natural key of a row: workspace and number, or workspace and extension for a row
 * without a number. Plans, lookups and results all match rows by it.
 */
export function workspaceNumberIdentity(payload: WebexWorkspaceNumberPayload): string {
  return `${payload.workspaceId}/${entryKey(payload)}`.toLowerCase();
}

/**
 * The Webex Calling workspace numbers dataset:
 * PUT /telephony/config/workspaces/{workspaceId}/numbers, one call per workspace (rows are
 * grouped by workspace, at most NUMBERS_PER_CALL a call), each row one ADD or DELETE.
 *
 * Numbers without + are read in `defaultCountry`, else as US national numbers: the spec
 * allows national format for the US only, and batchline always sends E.164.
 *
 * `uniqueFields` is empty on purpose: a number repeated in a workspace, a second primary and
 * conflicting ADD/DELETE rows are found by the cross-row check, which marks every row of a
 * conflict (see workspace-number-conflicts.ts for why the duplicate check cannot).
 */
export function createWebexWorkspaceNumbersDataset(
  opts: DatasetOptions = {},
): DatasetDef<WebexWorkspaceNumberPayload> & RecordParser<WebexWorkspaceNumberPayload> {
  const country = toCountryCode(opts.defaultCountry) ?? 'US';
  const parseRecord = parserOf((record, problems) =>
    buildWorkspaceNumber(record, country, problems),
  );
  const recordSchema = parserSchema(parseRecord);

  return {
    target: 'webex',
    kind: 'workspace-numbers',
    title: 'Webex Calling workspace numbers',
    fields: WORKSPACE_NUMBER_FIELDS,
    batchSize: NUMBERS_PER_CALL,
    recordSchema,
    parseRecord,
    uniqueFields: [],
    identityOf: workspaceNumberIdentity,
    groupOf: (payload) => payload.workspaceId,
    warningsOf: (record, payload) => workspaceNumberWarnings(record, payload, country),
    crossRowCheck: workspaceNumberConflicts,
  };
}
