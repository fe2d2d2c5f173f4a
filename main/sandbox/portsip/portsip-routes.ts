import type { RouteSpec } from '../http/route-table';
import type { PortsipRoute } from './portsip-faults';
import { createGroup, destroyGroup, getGroup, listGroups, updateGroup } from './portsip-groups';
import { addMember, getMember, listMembers, removeMember } from './portsip-members';
import { createRole, destroyRole, getRole, listRoles, updateRole } from './portsip-roles';
import type { RouteHandler } from './portsip-route-context';
import {
  createUser,
  destroyUser,
  getUser,
  listUsers,
  setUserRole,
  updateUser,
} from './portsip-users';

/**
 * Every endpoint the simulator serves, with the spec's paths. Paths match segment by segment
 * and by length, so `/api/users/:id/destroy` can never be read as an update of a user.
 */
export const PORTSIP_ROUTES: readonly RouteSpec<PortsipRoute>[] = [
  { id: 'list-users', method: 'GET', path: '/api/users' },
  { id: 'create-user', method: 'POST', path: '/api/users' },
  { id: 'set-user-role', method: 'POST', path: '/api/users/:id/role' },
  { id: 'destroy-user', method: 'POST', path: '/api/users/:id/destroy' },
  { id: 'get-user', method: 'GET', path: '/api/users/:id' },
  { id: 'update-user', method: 'POST', path: '/api/users/:id' },
  { id: 'list-roles', method: 'GET', path: '/api/roles' },
  { id: 'create-role', method: 'POST', path: '/api/roles' },
  { id: 'destroy-role', method: 'POST', path: '/api/roles/:name/destroy' },
  { id: 'get-role', method: 'GET', path: '/api/roles/:name' },
  { id: 'update-role', method: 'POST', path: '/api/roles/:name' },
  { id: 'list-groups', method: 'GET', path: '/api/groups' },
  { id: 'create-group', method: 'POST', path: '/api/groups' },
  { id: 'list-members', method: 'GET', path: '/api/groups/:id/members' },
  { id: 'destroy-group', method: 'POST', path: '/api/groups/:id/destroy' },
  { id: 'get-group', method: 'GET', path: '/api/groups/:id' },
  { id: 'update-group', method: 'POST', path: '/api/groups/:id' },
  {
    id: 'remove-member',
    method: 'POST',
    path: '/api/groups/:id/members/:extension_number/destroy',
  },
  { id: 'get-member', method: 'GET', path: '/api/groups/:id/members/:extension_number' },
  { id: 'add-member', method: 'POST', path: '/api/groups/:id/members/:extension_number' },
];

/** Routes whose handler reads a JSON body (the others ignore any body sent). */
export const ROUTES_WITH_BODY: ReadonlySet<PortsipRoute> = new Set<PortsipRoute>([
  'create-user',
  'update-user',
  'set-user-role',
  'create-role',
  'update-role',
  'create-group',
  'update-group',
]);

/** Routes that change the PBX: random faults (chaos) hit only these, like a flaky write path. */
export const WRITE_ROUTES: ReadonlySet<PortsipRoute> = new Set<PortsipRoute>(
  PORTSIP_ROUTES.filter((route) => route.method === 'POST').map((route) => route.id),
);

/** The handler of each route. */
export const HANDLERS: Record<PortsipRoute, RouteHandler> = {
  'list-users': listUsers,
  'create-user': createUser,
  'get-user': getUser,
  'update-user': updateUser,
  'set-user-role': setUserRole,
  'destroy-user': destroyUser,
  'list-roles': listRoles,
  'create-role': createRole,
  'get-role': getRole,
  'update-role': updateRole,
  'destroy-role': destroyRole,
  'list-groups': listGroups,
  'create-group': createGroup,
  'get-group': getGroup,
  'update-group': updateGroup,
  'destroy-group': destroyGroup,
  'list-members': listMembers,
  'get-member': getMember,
  'add-member': addMember,
  'remove-member': removeMember,
};
