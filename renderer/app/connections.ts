import type { ConnectionView } from '../../shared/ipc/contract';
import type { Target } from '../../shared/datasets/targets';

/**
 * The connection a push to `target` uses by default.
 *
 * The Sandbox wins when there is one, so nothing reaches a real tenant unless the admin
 * picks that connection on purpose.
 */
export function defaultConnection(
  connections: readonly ConnectionView[],
  target: Target,
): ConnectionView | null {
  const forTarget = connections.filter((connection) => connection.target === target);
  return forTarget.find((connection) => connection.sandbox) ?? forTarget[0] ?? null;
}

/** The name used in buttons: "Push 12 valid users to Sandbox". */
export function connectionShortName(connection: ConnectionView): string {
  return connection.sandbox ? 'Sandbox' : connection.label;
}

/** What the header says about where pushes go. */
export function connectionDescription(connection: ConnectionView): string {
  return connection.sandbox
    ? 'Sandbox — local simulator, nothing leaves this computer'
    : `${connection.label} — live tenant`;
}
