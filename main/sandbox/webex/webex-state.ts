import type { RequestLog, RequestLogEntry } from '../http/request-log';
import type { RingPattern } from '../../../shared/datasets/webex/workspace-number-fields';

/** One number (or extension-only entry) of a workspace. Numbers are stored as E.164. */
export interface SimWorkspaceNumber {
  phoneNumber?: string;
  extension?: string;
  primary: boolean;
  ringPattern: RingPattern;
}

/** A workspace of the simulated Webex Calling org(s). */
export interface SimWorkspace {
  id: string;
  displayName: string;
  orgId: string;
  /** Extensions are unique per location, as in Webex. */
  locationId: string;
  locationName: string;
  distinctiveRingEnabled: boolean;
  numbers: SimWorkspaceNumber[];
}

/**
 * The simulated workspaces and the request log. Tests read it to check what a client really
 * changed; handlers change a workspace only through `replaceNumbers`, after every rule passed.
 */
export class WebexState {
  private readonly workspaces = new Map<string, SimWorkspace>();

  constructor(private readonly log: RequestLog) {}

  /** Every workspace, in the order they were added. */
  list(): readonly SimWorkspace[] {
    return [...this.workspaces.values()];
  }

  /** The workspace with this id (exact, as Webex ids are case-sensitive), if any. */
  workspace(id: string): SimWorkspace | undefined {
    return this.workspaces.get(id);
  }

  /** A workspace's numbers; empty for an unknown workspace. */
  numbersOf(id: string): readonly SimWorkspaceNumber[] {
    return this.workspaces.get(id)?.numbers ?? [];
  }

  /** The workspace holding this E.164 number, in any org. */
  ownerOfNumber(phoneNumber: string): SimWorkspace | undefined {
    return this.list().find((ws) => ws.numbers.some((n) => n.phoneNumber === phoneNumber));
  }

  /** The workspace of a location holding this extension, if any. */
  ownerOfExtension(locationId: string, extension: string): SimWorkspace | undefined {
    return this.list().find(
      (ws) => ws.locationId === locationId && ws.numbers.some((n) => n.extension === extension),
    );
  }

  /** Every request the simulator has seen, oldest first (no headers, no body content). */
  get requests(): readonly RequestLogEntry[] {
    return this.log.entries;
  }

  /** Forgets the request log (workspaces stay). */
  clearRequests(): void {
    this.log.clear();
  }

  /** Adds a workspace; an id already taken is a simulator or seed bug and throws. */
  addWorkspace(workspace: SimWorkspace): void {
    if (this.workspaces.has(workspace.id)) {
      throw new Error(`simulator bug: workspace ${workspace.id} already exists`);
    }
    this.workspaces.set(workspace.id, workspace);
  }

  /** Sets a workspace's numbers and distinctive ring in one step (the PUT is all or nothing). */
  replaceNumbers(
    id: string,
    numbers: SimWorkspaceNumber[],
    distinctiveRingEnabled: boolean | undefined,
  ): void {
    const workspace = this.workspaces.get(id);
    if (!workspace) {
      throw new Error(`simulator bug: workspace ${id} does not exist`);
    }
    workspace.numbers = numbers;
    if (distinctiveRingEnabled !== undefined) {
      workspace.distinctiveRingEnabled = distinctiveRingEnabled;
    }
  }
}
