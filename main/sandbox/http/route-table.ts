/**
 * One route of a simulator: an id the simulator switches on, an HTTP method and a path pattern.
 *
 * Path segments written `:name` match any one non-empty segment and are returned as params, so
 * the PortSIP (`/api/users/:id`) and Webex (`/telephony/config/workspaces/:workspaceId/numbers`)
 * simulators can share this matcher with Zoom's fixed paths.
 */
export interface RouteSpec<Id extends string> {
  id: Id;
  method: string;
  path: string;
}

/** A matched route and the values of its `:name` segments. */
export interface RouteMatch<Id extends string> {
  id: Id;
  params: Record<string, string>;
}

function segments(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = segments(pattern);
  const got = segments(pathname);
  if (want.length !== got.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = got[index] ?? '';
    if (part.startsWith(':')) {
      params[part.slice(1)] = decodeURIComponent(actual);
    } else if (part !== actual) {
      return undefined;
    }
  }
  return params;
}

/**
 * Finds the route for a request, or undefined when no route has that method and path.
 *
 * A known path with the wrong method counts as unknown: the vendors we simulate answer 404
 * there too, and a client never needs to tell the two apart.
 */
export function matchRoute<Id extends string>(
  routes: readonly RouteSpec<Id>[],
  method: string,
  pathname: string,
): RouteMatch<Id> | undefined {
  for (const route of routes) {
    if (route.method !== method.toUpperCase()) {
      continue;
    }
    const params = matchPath(route.path, pathname);
    if (params) {
      return { id: route.id, params };
    }
  }
  return undefined;
}
