import type { ListedPortsipGroup } from '../../../../shared/plan/portsip-groups-compare';
import type { Pace } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { createPortsipClient, portsipPath } from './portsip-client';
import type { PortsipListOptions } from './portsip-paging';
import { readPortsipRecord } from './portsip-read';

/** A group as GET /api/groups lists it. */
export interface PortsipGroupSummary {
  id: string;
  name: string;
  description?: string;
}

/** Every group on the PBX (GET /api/groups, all pages), narrowed by the list options given. */
export async function listGroups(
  connection: TargetConnection,
  pace: Pace,
  options: PortsipListOptions = {},
): Promise<PortsipGroupSummary[]> {
  const groups = await createPortsipClient(connection).listAll<PortsipGroupSummary>(
    '/api/groups',
    pace,
    options,
  );
  return groups.filter((group) => typeof group.id === 'string' && typeof group.name === 'string');
}

/** Group ids by lowercased name: sheets name groups, the API wants ids. */
export async function groupIdsByName(
  connection: TargetConnection,
  pace: Pace,
): Promise<Map<string, string>> {
  const groups = await listGroups(connection, pace);
  return new Map(groups.map((group) => [group.name.toLowerCase(), group.id]));
}

/** A group with its outbound caller IDs (GET /api/groups/{id}); undefined if it is gone. */
export function readGroup(
  connection: TargetConnection,
  id: string,
  pace: Pace,
): Promise<ListedPortsipGroup | undefined> {
  return readPortsipRecord<ListedPortsipGroup>(connection, portsipPath`/api/groups/${id}`, pace);
}

/** A member as GET /api/groups/{id}/members lists it. */
export interface PortsipListedMember {
  id?: string;
  name?: string;
  display_name?: string;
  extension_number: string;
}

/** The members of one group (all pages; the members list answers `{items}` only). */
export async function listMembers(
  connection: TargetConnection,
  groupId: string,
  pace: Pace,
  options: PortsipListOptions = {},
): Promise<PortsipListedMember[]> {
  const members = await createPortsipClient(connection).listAll<PortsipListedMember>(
    portsipPath`/api/groups/${groupId}/members`,
    pace,
    options,
  );
  return members.filter((member) => typeof member.extension_number === 'string');
}
