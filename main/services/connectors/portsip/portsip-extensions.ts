import type { Pace } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { createPortsipClient } from './portsip-client';
import { portsipFilterEq } from './portsip-paging';

/**
 * Below this many distinct extensions, each is looked up with a filter (one request each);
 * from it on, the whole user list is read (one request per 100 users). A short sheet on a
 * big PBX costs a handful of requests either way.
 */
export const FILTERED_EXTENSION_LOOKUPS = 10;

/**
 * Which of `extensions` belong to a user on the PBX (GET /api/users), for the members plan:
 * a member whose extension has no user is reported before anything is written.
 */
export async function existingExtensions(
  connection: TargetConnection,
  extensions: readonly string[],
  pace: Pace,
): Promise<Set<string>> {
  const client = createPortsipClient(connection);
  const wanted = [...new Set(extensions)];
  const found = new Set<string>();
  const keep = (users: { extension_number?: unknown }[]) => {
    for (const user of users) {
      if (typeof user.extension_number === 'string') {
        found.add(user.extension_number);
      }
    }
  };
  if (wanted.length < FILTERED_EXTENSION_LOOKUPS) {
    for (const extension of wanted) {
      keep(
        await client.listAll<{ extension_number?: unknown }>('/api/users', pace, {
          filter: portsipFilterEq('extension_number', extension),
        }),
      );
    }
  } else {
    keep(await client.listAll<{ extension_number?: unknown }>('/api/users', pace));
  }
  return found;
}
