import type { SavedConnections } from '../app/saved-connections';
import type { ConnectionRegistry } from '../app/connections';
import { AppError } from '../../shared/errors';
import { probeConnection } from '../services/connectors/connection-probe';
import type { Handlers } from './router';

/**
 * The Connections page: list every connection (never a credential), add or replace a saved
 * one, test it with one cheap authenticated read, and remove it. The Sandbox ones are listed
 * and tested like any other but cannot be changed or removed.
 */
export function connectionHandlers(
  connections: ConnectionRegistry,
  saved: SavedConnections,
): Pick<
  Handlers,
  'connections:list' | 'connections:save' | 'connections:test' | 'connections:remove'
> {
  return {
    async 'connections:list'() {
      return { connections: saved.details() };
    },
    async 'connections:save'(args) {
      return saved.save(args);
    },
    async 'connections:test'({ id }) {
      const entry = connections.all().find((candidate) => candidate.view.id === id);
      if (!entry) {
        throw new AppError('NOT_FOUND', `No connection "${id}".`);
      }
      return probeConnection(entry.view.target, entry.connection, entry.options);
    },
    async 'connections:remove'({ id }) {
      await saved.remove(id);
      return { removed: true };
    },
  };
}
