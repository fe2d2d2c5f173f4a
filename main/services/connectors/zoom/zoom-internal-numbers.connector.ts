import type { ZoomInternalNumberPayload } from '../../../../shared/datasets/zoom-internal-numbers';
import { internalNumberIdentity } from '../../../../shared/datasets/zoom/internal-number-values';
import type { ExistingRecord } from '../../../../shared/plan/target-plan';
import {
  listedInternalNumberComparable,
  type ListedInternalNumber,
} from '../../../../shared/plan/zoom-internal-numbers-compare';
import { authorizedCall } from '../../http/authorized-call';
import type { Pace, PushAdapter, PushItem, SendOutcome } from '../../push/push-adapter';
import type { ZoomConnection } from './zoom-client';
import { zoomUrl } from './zoom-client';
import { classifyZoomFailure } from './zoom-errors';
import {
  DEFAULT_ZOOM_ACCOUNT,
  internalNumbersPath,
  listAllInternalNumbers,
} from './zoom-internal-numbers-client';

type Item = PushItem<ZoomInternalNumberPayload>;

/** The request body item: the payload without account_id, which belongs in the path. */
function bodyItem({ account_id: _account, ...item }: ZoomInternalNumberPayload) {
  return item;
}

/** Items by the account they go to, in first-seen order. */
function byAccount(items: readonly Item[], fallback: string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const account = item.payload.account_id ?? fallback;
    groups.set(account, [...(groups.get(account) ?? []), item]);
  }
  return groups;
}

/**
 * Zoom SIP Connected Audio internal numbers for the push engine: POST
 * /accounts/{accountId}/sip_trunk/internal_numbers with one account's numbers per call (the
 * dataset's groupOf keeps accounts apart), lookups and snapshots over the list endpoint.
 * Rows without an account_id go to `options.accountId` (`me`, the master, by default).
 */
export function createZoomInternalNumbersAdapter(
  connection: ZoomConnection,
  options: { accountId?: string; now?: () => number } = {},
): PushAdapter<ZoomInternalNumberPayload> {
  const now = options.now ?? Date.now;
  const fallback = options.accountId ?? DEFAULT_ZOOM_ACCOUNT;
  // Accounts Zoom said do not exist, with its answer (marked `whole`, so the engine fails the
  // batch instead of splitting it). Asking again within a run cannot change the answer, so
  // later batches for that account get it from here without a request.
  const missingAccounts = new Map<string, SendOutcome>();

  return {
    async send(items: Item[]): Promise<SendOutcome> {
      const groups = byAccount(items, fallback);
      const [account, ...others] = [...groups.keys()];
      if (account === undefined || others.length > 0) {
        throw new Error(`one call per account, got ${groups.size} accounts in one batch`);
      }
      const known = missingAccounts.get(account);
      if (known) {
        return known;
      }
      const outcome = await authorizedCall(
        connection.auth,
        {
          method: 'POST',
          url: zoomUrl(connection.baseUrl, internalNumbersPath(account)),
          body: { internal_numbers: items.map((item) => bodyItem(item.payload)) },
          timeoutMs: connection.timeoutMs,
        },
        connection.fetch,
      );
      if (outcome.kind === 'response' && (outcome.status === 201 || outcome.status === 200)) {
        // Numbers absent from the answer (or an answer without a body) are looked up by the
        // engine, so an answer listing nothing is still safe.
        const identityOf = new Map(items.map((item) => [item.payload.number, item.identity]));
        const created = new Map<string, string>();
        const listed = (outcome.body as { internal_numbers?: unknown } | undefined)
          ?.internal_numbers;
        for (const entry of Array.isArray(listed) ? (listed as ListedInternalNumber[]) : []) {
          const identity = identityOf.get(entry.number);
          if (identity !== undefined && typeof entry.id === 'string') {
            created.set(identity, entry.id);
          }
        }
        return { kind: 'accepted', created };
      }
      // Zoom names numbers, not our account-qualified identities: blame by number.
      const failure = classifyZoomFailure(
        outcome,
        items.map((item) => item.payload.number),
        now(),
      );
      if (failure.kind !== 'rejected') {
        return failure;
      }
      const blamed = {
        ...failure,
        blame: items
          .filter((item) => failure.blame.includes(item.payload.number))
          .map((item) => item.identity),
      };
      if (failure.status === 404) {
        const whole = { ...blamed, whole: true };
        missingAccounts.set(account, whole);
        return whole;
      }
      return blamed;
    },

    /**
     * Lists each account the items go to once and matches their numbers; an account Zoom
     * said does not exist holds none ("Account does not exist" reads like "already exists"
     * to the engine, which then looks the row up).
     */
    async lookup(items: Item[], pace: Pace): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      for (const [account, group] of byAccount(items, fallback)) {
        if (missingAccounts.has(account)) {
          continue;
        }
        const listed = (await listAllInternalNumbers(connection, account, pace)) ?? [];
        const idOf = new Map(listed.map((entry) => [entry.number, entry.id]));
        for (const item of group) {
          const id = idOf.get(item.payload.number);
          if (id !== undefined) {
            found.set(item.identity, id);
          }
        }
      }
      return found;
    },

    /**
     * The numbers of the accounts the sheet names, plus the run's account when some row has no
     * account_id; keyed as the dataset keys rows (bare number for the run's account). An
     * account Zoom does not know holds nothing: its rows plan as creates and fail on push
     * with Zoom's message, instead of failing the whole plan.
     */
    async snapshot(pace: Pace, payloads: readonly ZoomInternalNumberPayload[]) {
      const named = new Set<string>();
      let unnamed = false;
      for (const payload of payloads) {
        if (payload.account_id === undefined) {
          unnamed = true;
        } else {
          named.add(payload.account_id);
        }
      }
      const records: ExistingRecord[] = [];
      const accounts = new Set([...named, ...(unnamed ? [fallback] : [])]);
      for (const account of accounts) {
        const listed = (await listAllInternalNumbers(connection, account, pace)) ?? [];
        for (const entry of listed) {
          const values = listedInternalNumberComparable(entry);
          if (named.has(account)) {
            records.push({
              id: entry.id,
              identity: internalNumberIdentity(entry.number, account),
              values,
            });
          }
          if (unnamed && account === fallback) {
            records.push({ id: entry.id, identity: internalNumberIdentity(entry.number), values });
          }
        }
      }
      return records;
    },
  };
}
