import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';
import { alreadyExists, invalidField, notFound, ok } from './portsip-errors';
import { queryList } from './portsip-query';
import type { ListFields } from './portsip-query';
import { isReply, param, pick } from './portsip-route-context';
import type { RouteContext } from './portsip-route-context';
import type { PortsipUser } from './portsip-state';
import { checkUserBody } from './portsip-user-validation';

/** Role given to a user created without one: the built-in role for ordinary extensions. */
export const DEFAULT_USER_ROLE = 'StandardUser';

/** GET /api/users item fields (the spec's list example, without the avatar and sync ones). */
const LISTED: ListFields = {
  fields: [
    'id',
    'name',
    'enabled',
    'email',
    'display_name',
    'role',
    'mobile_phone',
    'work_phone',
    'home_phone',
    'address',
    'department',
    'extension_number',
    'created_at',
  ],
  searchable: ['name', 'email', 'display_name', 'extension_number', 'department', 'mobile_phone'],
};

/** A user as GET /api/users/{id} shows it: everything stored but the two passwords. */
export function userSettings(user: PortsipUser): Record<string, unknown> {
  const { password: _password, extension_password: _extension, ...settings } = user;
  return settings;
}

function findUser(context: RouteContext): PortsipUser | JsonReply {
  const id = param(context, 'id');
  return context.state.findUser(id) ?? notFound('User', 'id', id);
}

/** The role a request names, in the PBX's spelling, or the 400 refusing it. */
function resolveRole(context: RouteContext, role: unknown): string | JsonReply {
  const found = context.state.findRole(String(role));
  return found ? found.name : invalidField('role', `"${String(role)}" is not an existing role`);
}

/** GET /api/users: `{count, items}` after filter, search, orderby, skip and top. */
export function listUsers(context: RouteContext): JsonReply {
  const rows = context.state.users().map((user) => pick(user, LISTED.fields));
  const result = queryList(rows, context.query, LISTED);
  return result.ok ? json(200, { count: result.count, items: result.items }) : result.reply;
}

/** GET /api/users/{id}. */
export function getUser(context: RouteContext): JsonReply {
  const user = findUser(context);
  return isReply(user) ? user : json(200, userSettings(user));
}

/** POST /api/users: field rules (400), role exists (400), name and extension unique (409). */
export function createUser(context: RouteContext): JsonReply {
  const checked = checkUserBody(context.body, 'create');
  if (!checked.ok) {
    return checked.reply;
  }
  const fields = checked.fields as Record<string, unknown> &
    Pick<PortsipUser, 'name' | 'extension_number' | 'password'>;
  const { state } = context;
  const role = resolveRole(context, fields.role ?? DEFAULT_USER_ROLE);
  if (typeof role !== 'string') {
    return role;
  }
  const sameName = state.findUserByName(fields.name);
  if (sameName) {
    return alreadyExists('name', fields.name, `user ${sameName.id}`);
  }
  const sameExtension = state.findUserByExtension(fields.extension_number);
  if (sameExtension) {
    return alreadyExists('extension_number', fields.extension_number, `user ${sameExtension.name}`);
  }
  const user: PortsipUser = {
    enabled: true,
    ...fields,
    role,
    id: state.nextId(),
    created_at: new Date(context.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  state.addUser(user);
  return json(200, { id: user.id });
}

/** POST /api/users/{id}: changes the fields sent, leaves the rest. */
export function updateUser(context: RouteContext): JsonReply {
  const user = findUser(context);
  if (isReply(user)) {
    return user;
  }
  const checked = checkUserBody(context.body, 'update');
  if (!checked.ok) {
    return checked.reply;
  }
  Object.assign(user, checked.fields);
  return ok();
}

/** POST /api/users/{id}/role: body `{role}` naming an existing role. */
export function setUserRole(context: RouteContext): JsonReply {
  const user = findUser(context);
  if (isReply(user)) {
    return user;
  }
  const body = context.body as { role?: unknown } | null;
  if (typeof body !== 'object' || body === null || typeof body.role !== 'string') {
    return invalidField('role', 'is required and must be a string');
  }
  const role = resolveRole(context, body.role);
  if (typeof role !== 'string') {
    return role;
  }
  user.role = role;
  return ok();
}

/** POST /api/users/{id}/destroy: also takes the user out of every group. */
export function destroyUser(context: RouteContext): JsonReply {
  const user = findUser(context);
  if (isReply(user)) {
    return user;
  }
  context.state.removeUser(user.id);
  return ok();
}
