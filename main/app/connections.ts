import { AppError } from '../../shared/errors';
import type { ConnectionView } from '../../shared/ipc/contract';
import type { Target } from '../../shared/datasets/targets';
import type { AdapterOptions, TargetConnection } from '../services/connectors/push-adapters';

/** A connection as main holds it: the view the renderer may see, plus what only main may. */
export interface ConnectionEntry {
  view: ConnectionView;
  connection: TargetConnection;
  maxRps: number;
  /** Per-connection choices the connector needs: a Webex org id, a Zoom sub account. */
  options?: AdapterOptions;
}

/**
 * The connections the app can push to. Only the view ever crosses to the renderer; the
 * token stays behind a function in main.
 */
export class ConnectionRegistry {
  private readonly entries = new Map<string, ConnectionEntry>();

  /** Adds or replaces a connection. */
  set(entry: ConnectionEntry): void {
    this.entries.set(entry.view.id, entry);
  }

  /** Removes a connection; pushes already running keep the one they hold. */
  delete(id: string): boolean {
    return this.entries.delete(id);
  }

  /** Every connection, in the order they were first added (the Sandbox ones first). */
  all(): ConnectionEntry[] {
    return [...this.entries.values()];
  }

  /** Whether a connection with this id exists. */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** What the renderer may know about every connection. */
  views(): ConnectionView[] {
    return [...this.entries.values()].map((entry) => entry.view);
  }

  /** The connection for an id, checked against the target of the dataset being pushed. */
  require(id: string, target: Target): ConnectionEntry {
    const entry = this.entries.get(id);
    if (!entry) {
      throw new AppError('NOT_FOUND', `No connection "${id}"; choose one in Connections.`);
    }
    if (entry.view.target !== target) {
      throw new AppError(
        'USAGE',
        `The connection "${entry.view.label}" is for ${entry.view.target}, not ${target}.`,
      );
    }
    return entry;
  }
}
