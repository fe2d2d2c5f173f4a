/** One source row inside a batch: its row number, the API payload and its natural key. */
export interface PushItem<P> {
  row: number;
  payload: P;
  identity: string;
  /**
   * Set when the plan found this thing on the target and the row changes it: the adapter
   * updates the record with this id instead of creating one. Updates are idempotent, so an
   * update whose answer was lost is simply sent again; a create is looked up first.
   */
  updateId?: string;
}

/**
 * How one send ended, as the target connector classifies it. The batch runner decides what
 * to do next (retry, bisect, reconcile, stop) from this alone, so it stays target-neutral.
 */
export type SendOutcome =
  /**
   * Accepted; `created` maps identity → id. Created items absent from it must be reconciled;
   * updated items (updateId set) count as done whether listed or not.
   */
  | { kind: 'accepted'; created: Map<string, string> }
  /**
   * Refused for its content (400/409/422…); `blame` names the identities the message points at.
   * `whole`: the refusal is about the request itself (an account or workspace that does not
   * exist), so every item fails with it and splitting the batch to find a culprit is pointless.
   */
  | { kind: 'rejected'; status: number; message: string; blame: string[]; whole?: boolean }
  | { kind: 'rate-limited'; retryAfterMs: number | undefined; daily: boolean; message: string }
  /** Worth retrying as is: 5xx, 408, or never reached the server. */
  | { kind: 'transient'; message: string }
  | { kind: 'auth'; message: string }
  /** Sent but the answer was lost: the change may have been applied. */
  | { kind: 'lost'; message: string };

import type { ExistingRecord, TargetReferences } from '../../../shared/plan/target-plan';

/**
 * Called before each request a lookup or snapshot makes: it waits for the run's rate limiter
 * (and counts the request), so reading the target never overruns the limit that writing keeps.
 */
export type Pace = () => Promise<void>;

/** A target dataset as the push engine sees it. */
export interface PushAdapter<P> {
  /** Sends one batch (1 to batchSize items). */
  send(items: PushItem<P>[], signal?: AbortSignal): Promise<SendOutcome>;
  /**
   * Which of these items already exist on the target (identity → id). Used before re-sending
   * anything whose answer was lost, and to explain a refusal.
   */
  lookup(items: PushItem<P>[], pace: Pace): Promise<Map<string, string>>;
  /**
   * Everything of this dataset on the target now, for planning a push (dry run included).
   * `payloads` are the sheet's valid rows: datasets that live inside a parent (numbers of a
   * workspace or an account, members of a group) read only the parents the sheet names.
   */
  snapshot?(pace: Pace, payloads: readonly P[]): Promise<ExistingRecord[]>;
  /**
   * What the target holds that the sheet's rows point at without creating it (users'
   * extensions, group names), for the comparator's `mustExist` check while planning. Read
   * only for the payloads given; absent, the plan does not check references.
   */
  references?(pace: Pace, payloads: readonly P[]): Promise<TargetReferences>;
}
