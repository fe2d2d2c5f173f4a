import type { RequestLog, RequestLogEntry } from '../http/request-log';
import { ZoomInternalNumbers } from './internal-numbers-state';

/** A phone user's status as the list endpoint reports it. */
export type ZoomUserStatus = 'activate' | 'deactivate' | 'pending';

/** A desk phone as the batch endpoint accepts it. */
export interface ZoomDeskPhone {
  brand?: string;
  model?: string;
  mac?: string;
  provision_template?: string;
}

/** One phone user held by the simulated account. */
export interface ZoomPhoneUser {
  id: string;
  phoneUserId: string;
  extensionId: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Digits as sent; the list endpoint reports it as a JSON number. */
  extensionNumber: string;
  siteId: string;
  /** Calling plan names, as the batch request gave them. */
  callingPlans: string[];
  phoneNumbers: { id: string; number: string }[];
  department: string;
  costCenter: string;
  status: ZoomUserStatus;
  outboundCallerId?: string;
  selectOutboundCallerId?: boolean;
  sms?: boolean;
  templateName?: string;
  deskPhones: ZoomDeskPhone[];
}

/** The key two extensions collide on: "0101" and "101" are one extension once listed as a number. */
export function extensionKey(extension: string): string {
  return extension.replace(/^0+(?=\d)/, '');
}

/**
 * The simulated account: its phone users (in creation order, which is the list order), the
 * internal numbers of it and its sub accounts, and the request log.
 *
 * Tests read it to check what a client really created; handlers write it only through `add`.
 */
export class ZoomState {
  private readonly users: ZoomPhoneUser[] = [];
  private readonly byEmail = new Map<string, ZoomPhoneUser>();
  private readonly byExtension = new Map<string, ZoomPhoneUser>();
  private readonly byNumber = new Map<string, ZoomPhoneUser>();

  /** The SIP Connected Audio internal numbers of the master account and its sub accounts. */
  readonly internalNumbers: ZoomInternalNumbers;

  constructor(
    private readonly log: RequestLog,
    subAccounts?: readonly string[],
  ) {
    this.internalNumbers = new ZoomInternalNumbers(subAccounts);
  }

  /** Every user, in creation order. */
  list(): readonly ZoomPhoneUser[] {
    return this.users;
  }

  /** How many users the account holds. */
  count(): number {
    return this.users.length;
  }

  /** The user with this email (case-insensitive), if any. */
  findByEmail(email: string): ZoomPhoneUser | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  /** The user with this extension number, if any. */
  findByExtension(extension: string): ZoomPhoneUser | undefined {
    return this.byExtension.get(extensionKey(extension));
  }

  /** The user holding this E.164 number, if any. */
  findByPhoneNumber(number: string): ZoomPhoneUser | undefined {
    return this.byNumber.get(number);
  }

  /** Every request the simulator has seen, oldest first (no headers, no body content). */
  get requests(): readonly RequestLogEntry[] {
    return this.log.entries;
  }

  /** Forgets the request log (users stay). */
  clearRequests(): void {
    this.log.clear();
  }

  /**
   * Adds users. Callers check uniqueness first: the batch handler answers 409 and the seeder
   * only generates fresh keys, so a clash here is a simulator bug and throws.
   */
  add(users: readonly ZoomPhoneUser[]): void {
    for (const user of users) {
      if (this.findByEmail(user.email) || this.findByExtension(user.extensionNumber)) {
        throw new Error(
          `simulator bug: ${user.email} or extension ${user.extensionNumber} already exists`,
        );
      }
      this.users.push(user);
      this.byEmail.set(user.email.toLowerCase(), user);
      this.byExtension.set(extensionKey(user.extensionNumber), user);
      for (const phone of user.phoneNumbers) {
        this.byNumber.set(phone.number, user);
      }
    }
  }
}
