/**
 * Group member endpoints. Rules: the group must exist (404, field `id`); the extension
 * number must match [0-9]{3,64} (400, field `extension_number`) and belong to a user
 * (404, field `extension_number`); adding a member twice is 409 and removing or reading a
 * non-member 404. The member list takes skip/top/filter/search/orderby like the others and
 * answers `{items}` only, as the spec's example has no count.
 */
import { checkExtensionNumber } from '../../../shared/datasets/portsip/portsip-rules';
import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';
import { findGroup } from './portsip-groups';
import { invalidField, notFound, ok, portsipError, PortsipErrorCode } from './portsip-errors';
import { queryList } from './portsip-query';
import { isReply, param, pick } from './portsip-route-context';
import type { RouteContext } from './portsip-route-context';
import type { PortsipGroup, PortsipUser } from './portsip-state';

const MEMBER_FIELDS = ['id', 'name', 'display_name', 'extension_number'] as const;

/** The group and the user the path names, or the refusal. */
function groupAndUser(
  context: RouteContext,
): { group: PortsipGroup; user: PortsipUser; extension: string } | JsonReply {
  const group = findGroup(context);
  if (isReply(group)) {
    return group;
  }
  const extension = param(context, 'extension_number');
  const problem = checkExtensionNumber(extension);
  if (problem) {
    return invalidField('extension_number', problem);
  }
  const user = context.state.findUserByExtension(extension);
  if (!user) {
    return notFound('Extension', 'extension_number', extension);
  }
  return { group, user, extension };
}

/** GET /api/groups/{id}/members. */
export function listMembers(context: RouteContext): JsonReply {
  const group = findGroup(context);
  if (isReply(group)) {
    return group;
  }
  const rows = context.state.members(group.id).map((user) => pick(user, MEMBER_FIELDS));
  const result = queryList(rows, context.query, {
    fields: MEMBER_FIELDS,
    searchable: ['name', 'display_name', 'extension_number'],
  });
  return result.ok ? json(200, { items: result.items }) : result.reply;
}

/** GET /api/groups/{id}/members/{extension_number}: the member, or 404 if not in the group. */
export function getMember(context: RouteContext): JsonReply {
  const found = groupAndUser(context);
  if (isReply(found)) {
    return found;
  }
  if (!context.state.isMember(found.group.id, found.user.id)) {
    return notFound('Member', 'extension_number', found.extension);
  }
  return json(200, pick(found.user, MEMBER_FIELDS));
}

/** POST /api/groups/{id}/members/{extension_number}. */
export function addMember(context: RouteContext): JsonReply {
  const found = groupAndUser(context);
  if (isReply(found)) {
    return found;
  }
  if (context.state.isMember(found.group.id, found.user.id)) {
    return portsipError(
      409,
      PortsipErrorCode.alreadyExists,
      `extension_number "${found.extension}" is already a member of group ${found.group.name}`,
      'extension_number',
    );
  }
  context.state.addMember(found.group.id, found.user.id);
  return ok();
}

/** POST /api/groups/{id}/members/{extension_number}/destroy. */
export function removeMember(context: RouteContext): JsonReply {
  const found = groupAndUser(context);
  if (isReply(found)) {
    return found;
  }
  if (!context.state.isMember(found.group.id, found.user.id)) {
    return notFound('Member', 'extension_number', found.extension);
  }
  context.state.removeMember(found.group.id, found.user.id);
  return ok();
}
