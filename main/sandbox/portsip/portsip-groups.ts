/**
 * User group endpoints (spec lines 4790-4948). Rules:
 * - name: required on create, a non-blank string, unique with case ignored (409).
 * - description: a string. outbound_caller_ids: an array of objects whose provider_id,
 *   caller_id and description are strings (400 naming `outbound_caller_ids[i].<key>`).
 * - Unknown group ids are 404 (field `id`).
 */
import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';
import { alreadyExists, invalidField, notFound, ok } from './portsip-errors';
import { queryList } from './portsip-query';
import { isReply, param } from './portsip-route-context';
import type { RouteContext } from './portsip-route-context';
import type { PortsipGroup } from './portsip-state';

const CALLER_ID_KEYS = ['provider_id', 'caller_id', 'description'];

function checkCallerIds(value: unknown): JsonReply | undefined {
  if (!Array.isArray(value)) {
    return invalidField('outbound_caller_ids', 'must be an array');
  }
  for (const [index, item] of value.entries()) {
    const at = `outbound_caller_ids[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return invalidField(at, 'must be an object');
    }
    for (const [key, text] of Object.entries(item as Record<string, unknown>)) {
      if (!CALLER_ID_KEYS.includes(key)) {
        return invalidField(`${at}.${key}`, 'is not a field of an outbound caller ID');
      }
      if (typeof text !== 'string') {
        return invalidField(`${at}.${key}`, 'must be a string');
      }
    }
  }
  return undefined;
}

type GroupFields = Partial<Pick<PortsipGroup, 'name' | 'description' | 'outbound_caller_ids'>>;

function checkGroupBody(body: unknown, mode: 'create' | 'update'): GroupFields | JsonReply {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalidField('body', 'must be a JSON object');
  }
  const fields = body as Record<string, unknown>;
  for (const field of Object.keys(fields)) {
    if (!['name', 'description', 'outbound_caller_ids'].includes(field)) {
      return invalidField(field, 'is not a field of a PortSIP user group');
    }
  }
  if (mode === 'create' && fields.name === undefined) {
    return invalidField('name', 'is required');
  }
  if (fields.name !== undefined && (typeof fields.name !== 'string' || fields.name.trim() === '')) {
    return invalidField('name', 'must be a non-empty string');
  }
  if (fields.description !== undefined && typeof fields.description !== 'string') {
    return invalidField('description', 'must be a string');
  }
  const callerIds =
    fields.outbound_caller_ids === undefined
      ? undefined
      : checkCallerIds(fields.outbound_caller_ids);
  return callerIds ?? fields;
}

/** The group named by the `:id` path parameter, or the 404. */
export function findGroup(context: RouteContext): PortsipGroup | JsonReply {
  const id = param(context, 'id');
  return context.state.findGroup(id) ?? notFound('Group', 'id', id);
}

/** GET /api/groups: `{count, items}` of `{id, name, description}`. */
export function listGroups(context: RouteContext): JsonReply {
  const rows = context.state
    .groups()
    .map((group) => ({ id: group.id, name: group.name, description: group.description }));
  const result = queryList(rows, context.query, {
    fields: ['id', 'name', 'description'],
    searchable: ['name', 'description'],
  });
  return result.ok ? json(200, { count: result.count, items: result.items }) : result.reply;
}

/** GET /api/groups/{id}. */
export function getGroup(context: RouteContext): JsonReply {
  const group = findGroup(context);
  return isReply(group) ? group : json(200, { ...group });
}

/** POST /api/groups: answers `{id}`. */
export function createGroup(context: RouteContext): JsonReply {
  const fields = checkGroupBody(context.body, 'create');
  if (isReply(fields)) {
    return fields;
  }
  const name = fields.name ?? '';
  const clash = context.state.findGroupByName(name);
  if (clash) {
    return alreadyExists('name', name, `group ${clash.id}`);
  }
  const group: PortsipGroup = {
    id: context.state.nextId(),
    name,
    description: fields.description ?? '',
    outbound_caller_ids: fields.outbound_caller_ids ?? [],
  };
  context.state.addGroup(group);
  return json(200, { id: group.id });
}

/** POST /api/groups/{id}: changes the fields sent. */
export function updateGroup(context: RouteContext): JsonReply {
  const group = findGroup(context);
  if (isReply(group)) {
    return group;
  }
  const fields = checkGroupBody(context.body, 'update');
  if (isReply(fields)) {
    return fields;
  }
  const clash = fields.name === undefined ? undefined : context.state.findGroupByName(fields.name);
  if (clash && clash.id !== group.id && fields.name !== undefined) {
    return alreadyExists('name', fields.name, `group ${clash.id}`);
  }
  Object.assign(group, fields);
  return ok();
}

/** POST /api/groups/{id}/destroy: the memberships go with it; the users stay. */
export function destroyGroup(context: RouteContext): JsonReply {
  const group = findGroup(context);
  if (isReply(group)) {
    return group;
  }
  context.state.removeGroup(group.id);
  return ok();
}
