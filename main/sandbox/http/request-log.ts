/**
 * What a simulator remembers about one request, for tests to assert on.
 *
 * It holds no headers and no body content, so no credential can end up in a test report or
 * a sandbox log: only sizes, the route, the outcome and the scripted fault (if any).
 */
export interface RequestLogEntry {
  method: string;
  /** Path and query as sent, e.g. `/v2/phone/users?page_size=100`. */
  path: string;
  /** The simulator's route id, or undefined for an unknown route. */
  route?: string;
  /** Status sent, or null when the connection was dropped without an answer. */
  status: number | null;
  /** When the request arrived (ms since the epoch, on the simulator's clock). */
  time: number;
  durationMs: number;
  /** Request body size in bytes. */
  bodyBytes: number;
  /** For batch routes, how many items the body held (set once the body parsed). */
  items?: number;
  /** The kind of scripted fault this request met, if any. */
  fault?: string;
}

/** The request log a simulator exposes: append-only, read as an array. */
export class RequestLog {
  private readonly list: RequestLogEntry[] = [];

  /** Every request so far, oldest first. */
  get entries(): readonly RequestLogEntry[] {
    return this.list;
  }

  /** Records one finished request. */
  add(entry: RequestLogEntry): void {
    this.list.push(entry);
  }

  /** Forgets every entry, e.g. between phases of a test. */
  clear(): void {
    this.list.length = 0;
  }
}
