/**
 * Roles endpoints. Rules (spec lines 1-302):
 * - name: required on create, not empty, no surrounding spaces, unique with case ignored (409),
 *   and not a built-in role's name (400: the names are reserved words).
 * - description: a string. permissions: only the spec's groups and keys, booleans (400 naming
 *   `permissions.<group>.<key>`); keys left out are false on create and unchanged on update.
 * - Built-in roles cannot be modified or destroyed (400 naming `name`).
 * - A role still held by users cannot be destroyed (409), as that would leave them roleless.
 */
import {
  checkCustomRoleName,
  checkPermissions,
  PORTSIP_PERMISSIONS,
} from '../../../shared/datasets/portsip/portsip-rules';
import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';
import {
  alreadyExists,
  invalidField,
  notFound,
  ok,
  portsipError,
  PortsipErrorCode,
} from './portsip-errors';
import { queryList } from './portsip-query';
import { isReply, param } from './portsip-route-context';
import type { RouteContext } from './portsip-route-context';
import type { PortsipPermissionSet, PortsipRole } from './portsip-state';

/** Every permission of the spec set to `granted`. */
export function permissionSet(granted: boolean): PortsipPermissionSet {
  return Object.fromEntries(
    Object.entries(PORTSIP_PERMISSIONS).map(([group, keys]) => [
      group,
      Object.fromEntries(keys.map((key) => [key, granted])),
    ]),
  );
}

function mergePermissions(base: PortsipPermissionSet, change: unknown): PortsipPermissionSet {
  const merged = structuredClone(base);
  for (const [group, keys] of Object.entries(change as PortsipPermissionSet)) {
    merged[group] = { ...merged[group], ...keys };
  }
  return merged;
}

/** The body's fields after the rules, or the 400 to answer. */
function checkRoleBody(body: unknown, mode: 'create' | 'update') {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalidField('body', 'must be a JSON object');
  }
  const fields = body as Record<string, unknown>;
  for (const field of Object.keys(fields)) {
    if (!['name', 'description', 'permissions'].includes(field)) {
      return invalidField(field, 'is not a field of a PortSIP role');
    }
  }
  if (mode === 'create' && fields.name === undefined) {
    return invalidField('name', 'is required');
  }
  if (fields.name !== undefined) {
    const problem =
      typeof fields.name === 'string' ? checkCustomRoleName(fields.name) : 'must be a string';
    if (problem) {
      return invalidField('name', problem);
    }
  }
  if (fields.description !== undefined && typeof fields.description !== 'string') {
    return invalidField('description', 'must be a string');
  }
  if (fields.permissions !== undefined) {
    const [problem] = checkPermissions(fields.permissions);
    if (problem) {
      return invalidField(problem.field, problem.message);
    }
  }
  return fields as { name?: string; description?: string; permissions?: unknown };
}

function findRole(context: RouteContext, forWrite = false): PortsipRole | JsonReply {
  const name = param(context, 'name');
  const role = context.state.findRole(name);
  if (!role) {
    return notFound('Role', 'name', name);
  }
  if (role.builtIn && forWrite) {
    return invalidField('name', `"${role.name}" is a built-in role and cannot be modified`);
  }
  return role;
}

/** GET /api/roles: `{count, items}` of `{name, description}`. */
export function listRoles(context: RouteContext): JsonReply {
  const rows = context.state
    .roles()
    .map((role) => ({ name: role.name, description: role.description }));
  const result = queryList(rows, context.query, {
    fields: ['name', 'description'],
    searchable: ['name', 'description'],
  });
  return result.ok ? json(200, { count: result.count, items: result.items }) : result.reply;
}

/** GET /api/roles/{name}: name, permissions, description. */
export function getRole(context: RouteContext): JsonReply {
  const role = findRole(context);
  if (isReply(role)) {
    return role;
  }
  return json(200, {
    name: role.name,
    permissions: role.permissions,
    description: role.description,
  });
}

/** POST /api/roles: answers `{name}`. */
export function createRole(context: RouteContext): JsonReply {
  const fields = checkRoleBody(context.body, 'create');
  if (isReply(fields)) {
    return fields;
  }
  const name = fields.name ?? '';
  const existing = context.state.findRole(name);
  if (existing) {
    return alreadyExists('name', name, `role ${existing.name}`);
  }
  context.state.addRole({
    name,
    description: fields.description ?? '',
    permissions: mergePermissions(permissionSet(false), fields.permissions ?? {}),
    builtIn: false,
  });
  return json(200, { name });
}

/** POST /api/roles/{name}: changes the fields sent; a new name renames it for its users too. */
export function updateRole(context: RouteContext): JsonReply {
  const role = findRole(context, true);
  if (isReply(role)) {
    return role;
  }
  const fields = checkRoleBody(context.body, 'update');
  if (isReply(fields)) {
    return fields;
  }
  if (fields.name !== undefined && fields.name.toLowerCase() !== role.name.toLowerCase()) {
    const clash = context.state.findRole(fields.name);
    if (clash) {
      return alreadyExists('name', fields.name, `role ${clash.name}`);
    }
  }
  if (fields.name !== undefined && fields.name !== role.name) {
    for (const user of context.state.users().filter((u) => u.role === role.name)) {
      user.role = fields.name;
    }
    role.name = fields.name;
  }
  role.description = fields.description ?? role.description;
  role.permissions = mergePermissions(role.permissions, fields.permissions ?? {});
  return ok();
}

/** POST /api/roles/{name}/destroy. */
export function destroyRole(context: RouteContext): JsonReply {
  const role = findRole(context, true);
  if (isReply(role)) {
    return role;
  }
  const holders = context.state.users().filter((user) => user.role === role.name).length;
  if (holders > 0) {
    return portsipError(
      409,
      PortsipErrorCode.conflict,
      `name "${role.name}" is still the role of ${holders} user(s)`,
      'name',
    );
  }
  context.state.removeRole(role.name);
  return ok();
}
