import type { JsonReply } from '../http/sim-http-server';
import type { PortsipState } from './portsip-state';

/** What a route handler gets: the PBX, the `:name` path values, the query and the parsed body. */
export interface RouteContext {
  state: PortsipState;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body for routes that take one; undefined otherwise. */
  body: unknown;
  /** The simulator's clock, for created_at. */
  now: () => number;
}

/** A route handler: synchronous, since the body has been read already. */
export type RouteHandler = (context: RouteContext) => JsonReply;

/** A path parameter the route table guarantees; '' if a handler asks for one it lacks. */
export function param(context: RouteContext, name: string): string {
  return context.params[name] ?? '';
}

/** Fields of `record` named in `fields`, absent ones as ''. */
export function pick(record: Record<string, unknown>, fields: readonly string[]) {
  return Object.fromEntries(fields.map((field) => [field, record[field] ?? '']));
}

/** Whether a lookup gave back the refusal to send instead of a record. */
export function isReply(value: unknown): value is JsonReply {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'json' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}
