import type { RequestLog, RequestLogEntry } from '../http/request-log';

/**
 * One extension user, with its fields under the API's own (snake_case) names as last sent.
 * `password` and `extension_password` are kept so tests can check them; no endpoint returns them.
 */
export interface PortsipUser {
  [field: string]: unknown;
  id: string;
  name: string;
  extension_number: string;
  role: string;
  enabled: boolean;
  password: string;
  created_at: string;
}

/** A role's permissions: group → key → granted. */
export type PortsipPermissionSet = Record<string, Record<string, boolean>>;

/** One role; built-in roles cannot be modified or destroyed. */
export interface PortsipRole {
  name: string;
  description: string;
  permissions: PortsipPermissionSet;
  builtIn: boolean;
}

/** One user group. */
export interface PortsipGroup {
  id: string;
  name: string;
  description: string;
  outbound_caller_ids: unknown[];
}

const key = (name: string) => name.toLowerCase();

/**
 * The simulated PBX: users, roles, groups and memberships, in creation order (the lists'
 * default order), plus the request log.
 *
 * Names (user, role, group) are unique with case ignored, as the reserved names are; an
 * extension number is unique as text ("0101" and "101" are two extensions). Handlers check
 * uniqueness before writing, so the `add…` methods throw on a clash: that is a simulator bug.
 */
export class PortsipState {
  private readonly userList = new Map<string, PortsipUser>();
  private readonly roleList: PortsipRole[] = [];
  private readonly groupList = new Map<string, PortsipGroup>();
  private readonly memberIds = new Map<string, string[]>();
  private sequence = 0;

  constructor(private readonly log: RequestLog) {}

  /** A fresh id in PortSIP's shape: base64 of an 18-digit decimal, e.g. NzAwNTUxOTA5NzczMTQ4MTYx. */
  nextId(): string {
    this.sequence += 1;
    const decimal = (700551909773148160n + BigInt(this.sequence)).toString();
    return btoa(decimal);
  }

  /** Every user, in creation order. */
  users(): PortsipUser[] {
    return [...this.userList.values()];
  }
  findUser(id: string): PortsipUser | undefined {
    return this.userList.get(id);
  }
  findUserByName(name: string): PortsipUser | undefined {
    return this.users().find((user) => key(user.name) === key(name));
  }
  findUserByExtension(extension: string): PortsipUser | undefined {
    return this.users().find((user) => user.extension_number === extension);
  }
  addUser(user: PortsipUser): void {
    if (this.findUserByName(user.name) || this.findUserByExtension(user.extension_number)) {
      throw new Error(`simulator bug: user ${user.name} / ${user.extension_number} exists`);
    }
    this.userList.set(user.id, user);
  }
  /** Removes a user and its group memberships. */
  removeUser(id: string): void {
    this.userList.delete(id);
    for (const [groupId, ids] of this.memberIds) {
      this.memberIds.set(
        groupId,
        ids.filter((memberId) => memberId !== id),
      );
    }
  }

  /** Every role, built-in ones first, then custom ones in creation order. */
  roles(): PortsipRole[] {
    return [...this.roleList];
  }
  findRole(name: string): PortsipRole | undefined {
    return this.roleList.find((role) => key(role.name) === key(name));
  }
  addRole(role: PortsipRole): void {
    if (this.findRole(role.name)) {
      throw new Error(`simulator bug: role ${role.name} exists`);
    }
    this.roleList.push(role);
  }
  removeRole(name: string): void {
    const index = this.roleList.findIndex((role) => key(role.name) === key(name));
    if (index >= 0) {
      this.roleList.splice(index, 1);
    }
  }

  /** Every group, in creation order. */
  groups(): PortsipGroup[] {
    return [...this.groupList.values()];
  }
  findGroup(id: string): PortsipGroup | undefined {
    return this.groupList.get(id);
  }
  findGroupByName(name: string): PortsipGroup | undefined {
    return this.groups().find((group) => key(group.name) === key(name));
  }
  addGroup(group: PortsipGroup): void {
    if (this.findGroupByName(group.name)) {
      throw new Error(`simulator bug: group ${group.name} exists`);
    }
    this.groupList.set(group.id, group);
    this.memberIds.set(group.id, []);
  }
  removeGroup(id: string): void {
    this.groupList.delete(id);
    this.memberIds.delete(id);
  }

  /** The users in a group, in the order they were added. */
  members(groupId: string): PortsipUser[] {
    return (this.memberIds.get(groupId) ?? [])
      .map((id) => this.userList.get(id))
      .filter((user): user is PortsipUser => user !== undefined);
  }
  isMember(groupId: string, userId: string): boolean {
    return this.memberIds.get(groupId)?.includes(userId) ?? false;
  }
  addMember(groupId: string, userId: string): void {
    const ids = this.memberIds.get(groupId);
    if (!ids || ids.includes(userId)) {
      throw new Error(`simulator bug: cannot add ${userId} to group ${groupId}`);
    }
    ids.push(userId);
  }
  removeMember(groupId: string, userId: string): void {
    const ids = this.memberIds.get(groupId) ?? [];
    this.memberIds.set(
      groupId,
      ids.filter((id) => id !== userId),
    );
  }

  /** Every request the simulator has seen, oldest first (no headers, no body content). */
  get requests(): readonly RequestLogEntry[] {
    return this.log.entries;
  }
  /** Forgets the request log (records stay). */
  clearRequests(): void {
    this.log.clear();
  }
}
