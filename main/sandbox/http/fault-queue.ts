interface QueuedFault<Route extends string, Fault> {
  route: Route | '*';
  fault: Fault;
  remaining: number;
}

/**
 * Scripted faults for the next requests to a route, first in first out.
 *
 * Tests enqueue what the next N requests to a route should meet; the simulator calls `take`
 * once per request to a known route. `'*'` matches any route. A fault is spent when taken,
 * whether or not the request would have succeeded, so scripts stay deterministic.
 */
export class FaultQueue<Route extends string, Fault> {
  private readonly queue: QueuedFault<Route, Fault>[] = [];

  /** Makes the next `times` requests to `route` (or any route, with `'*'`) meet `fault`. */
  enqueue(route: Route | '*', fault: Fault, times = 1): this {
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`times must be a positive integer, got ${times}`);
    }
    this.queue.push({ route, fault, remaining: times });
    return this;
  }

  /** Removes and returns the fault the next request to `route` meets, if any. */
  take(route: Route): Fault | undefined {
    const index = this.queue.findIndex((item) => item.route === route || item.route === '*');
    const item = this.queue[index];
    if (!item) {
      return undefined;
    }
    item.remaining -= 1;
    if (item.remaining === 0) {
      this.queue.splice(index, 1);
    }
    return item.fault;
  }

  /** How many faulted requests are still queued, for one route (including `'*'`) or all. */
  pending(route?: Route): number {
    return this.queue
      .filter((item) => route === undefined || item.route === route || item.route === '*')
      .reduce((sum, item) => sum + item.remaining, 0);
  }

  /** Drops every queued fault. */
  clear(): void {
    this.queue.length = 0;
  }
}
