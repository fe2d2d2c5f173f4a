import type { WebexWorkspaceNumberPayload } from '../../../../shared/datasets/webex-workspace-numbers';
import type { ExistingRecord } from '../../../../shared/plan/target-plan';
import { workspaceNumberRecords } from '../../../../shared/plan/webex-workspace-numbers-compare';
import { authorizedCall } from '../../http/authorized-call';
import type { Pace, PushAdapter, PushItem, SendOutcome } from '../../push/push-adapter';
import { readWorkspaceNumbers, workspaceNumbersUrl, type WebexConnection } from './webex-client';
import { classifyWebexFailure, idOf } from './webex-errors';

type Item = PushItem<WebexWorkspaceNumberPayload>;

/** The PUT body for items of one workspace: one `phoneNumbers` entry per row. */
export function workspaceNumbersBody(items: readonly Item[]): Record<string, unknown> {
  // The cross-row check made a workspace's rows agree, so the first one that sets it speaks for all.
  const distinctive = items.find((item) => item.payload.distinctiveRingEnabled !== undefined)
    ?.payload.distinctiveRingEnabled;
  return {
    ...(distinctive === undefined ? {} : { distinctiveRingEnabled: distinctive }),
    phoneNumbers: items.map(({ payload }) => ({
      action: payload.action,
      ...(payload.phoneNumber === undefined ? {} : { phoneNumber: payload.phoneNumber }),
      ...(payload.extension === undefined ? {} : { extension: payload.extension }),
      ...(payload.ringPattern === undefined ? {} : { ringPattern: payload.ringPattern }),
      ...(payload.primary === undefined ? {} : { primary: payload.primary }),
    })),
  };
}

/** The current records of the named workspaces; one that does not exist simply has none. */
async function recordsOf(
  connection: WebexConnection,
  workspaceIds: Iterable<string>,
  pace: Pace,
): Promise<ExistingRecord[]> {
  const records: ExistingRecord[] = [];
  for (const workspaceId of new Set(workspaceIds)) {
    const numbers = await readWorkspaceNumbers(connection, workspaceId, pace);
    if (numbers) {
      records.push(...workspaceNumberRecords(workspaceId, numbers));
    }
  }
  return records;
}

/**
 * Webex Calling workspace numbers for the push engine: one PUT per batch (the engine groups
 * rows by workspace, so a batch is one workspace), answered 204; lookups and snapshots read
 * "Get workspace numbers" of the workspaces named, never the whole org. `orgId` is sent as
 * the query parameter on every call when given (partner admins).
 */
export function createWebexWorkspaceNumbersAdapter(
  connection: WebexConnection,
  options: { orgId?: string; now?: () => number } = {},
): PushAdapter<WebexWorkspaceNumberPayload> {
  const now = options.now ?? Date.now;
  const target: WebexConnection = {
    ...connection,
    ...(options.orgId ? { orgId: options.orgId } : {}),
  };
  return {
    async send(items): Promise<SendOutcome> {
      const workspaceId = items[0]?.payload.workspaceId ?? '';
      const strays = items.filter((item) => item.payload.workspaceId !== workspaceId);
      if (strays.length > 0) {
        // Never send a row to another row's workspace: blamed rows are sent on their own.
        return {
          kind: 'rejected',
          status: 400,
          message: `rows of several workspaces in one call (${workspaceId} and ${strays[0]?.payload.workspaceId ?? ''})`,
          blame: strays.map((item) => item.identity),
        };
      }
      const outcome = await authorizedCall(
        target.auth,
        {
          method: 'PUT',
          url: workspaceNumbersUrl(target, workspaceId),
          body: workspaceNumbersBody(items),
          timeoutMs: target.timeoutMs,
        },
        target.fetch,
      );
      if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
        // The PUT answers 204 with no body: every row of it is done, each known by its number.
        return {
          kind: 'accepted',
          created: new Map(items.map((item) => [item.identity, idOf(item.payload)])),
        };
      }
      return classifyWebexFailure(outcome, items, now());
    },

    async snapshot(pace, payloads) {
      return recordsOf(
        target,
        payloads.map((payload) => payload.workspaceId),
        pace,
      );
    },

    /**
     * Which items already hold on the target (identity → id): an ADD whose number the
     * workspace lists, a DELETE whose number it no longer lists. The engine asks only after
     * an unclear answer, to learn whether the change went through.
     */
    async lookup(items, pace): Promise<Map<string, string>> {
      const records = await recordsOf(
        target,
        items.map((item) => item.payload.workspaceId),
        pace,
      );
      const present = new Set(records.map((record) => record.identity));
      const found = new Map<string, string>();
      for (const item of items) {
        if (present.has(item.identity) === (item.payload.action === 'ADD')) {
          found.set(item.identity, idOf(item.payload));
        }
      }
      return found;
    },
  };
}
