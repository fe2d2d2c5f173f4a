import { stableZoomId } from './zoom-ids';

/** The master account's own id; `me` in a path means this account. */
export const ZOOM_MASTER_ACCOUNT_ID = stableZoomId('sandbox-master-account');

/** Sub accounts the simulator knows unless told otherwise (ZoomSimulatorOptions.subAccounts). */
export const DEFAULT_ZOOM_SUB_ACCOUNTS: readonly string[] = [
  stableZoomId('sandbox-sub-account-1'),
  stableZoomId('sandbox-sub-account-2'),
];

/** One internal number an account holds, as the list endpoint reports it. */
export interface ZoomInternalNumber {
  id: string;
  number: string;
  display_number: string;
  labels: string;
  type: number;
  country: string;
  languages: string;
  visible: boolean;
  allow_join: boolean;
  allow_for_external_meetings: boolean;
}

/**
 * The internal numbers (SIP Connected Audio) of the master account and its sub accounts, in
 * the order they were added per account, which is the list order.
 */
export class ZoomInternalNumbers {
  private readonly byAccount = new Map<string, ZoomInternalNumber[]>();

  constructor(subAccounts: readonly string[] = DEFAULT_ZOOM_SUB_ACCOUNTS) {
    for (const id of [ZOOM_MASTER_ACCOUNT_ID, ...subAccounts]) {
      this.byAccount.set(id, []);
    }
  }

  /** The account a path's accountId names (`me` is the master), or undefined if unknown. */
  resolve(accountId: string): string | undefined {
    const id = accountId === 'me' ? ZOOM_MASTER_ACCOUNT_ID : accountId;
    return this.byAccount.has(id) ? id : undefined;
  }

  /** The numbers of an account (`me` or an id), oldest first; empty for an unknown account. */
  list(accountId: string): readonly ZoomInternalNumber[] {
    const id = this.resolve(accountId);
    return id === undefined ? [] : (this.byAccount.get(id) ?? []);
  }

  /** The number with this E.164 value on an account, if any. */
  find(accountId: string, number: string): ZoomInternalNumber | undefined {
    return this.list(accountId).find((entry) => entry.number === number);
  }

  /** Every number of every account, for totals in tests. */
  count(): number {
    let total = 0;
    for (const numbers of this.byAccount.values()) {
      total += numbers.length;
    }
    return total;
  }

  /**
   * Adds numbers to an account. The handler checks the account and duplicates first, so a
   * clash here is a simulator bug and throws; tests may call it to seed an account.
   */
  add(accountId: string, numbers: readonly ZoomInternalNumber[]): void {
    const id = this.resolve(accountId);
    const held = id === undefined ? undefined : this.byAccount.get(id);
    if (!held) {
      throw new Error(`simulator bug: unknown account ${accountId}`);
    }
    for (const entry of numbers) {
      if (held.some((existing) => existing.number === entry.number)) {
        throw new Error(`simulator bug: ${entry.number} is already on account ${accountId}`);
      }
      held.push(entry);
    }
  }
}
