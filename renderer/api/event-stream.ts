import type { JobEvent } from '../../shared/ipc/contract';

type Listener = (event: JobEvent) => void;

/** Options of {@link createEventStream}; the timings exist so tests need not wait. */
export interface EventStreamOptions {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  /** First reconnect delay; doubles per failed attempt up to maxDelayMs (jitter added). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** No line at all for this long (the server sends `{}` every 15 s) counts as a dead link. */
  idleTimeoutMs?: number;
  /** Where a throwing listener is reported; console.error by default. */
  onListenerError?: (caught: unknown) => void;
}

function isJobEvent(value: unknown): value is JobEvent {
  const candidate = value as { type?: unknown; jobId?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.type === 'string' &&
    typeof candidate.jobId === 'string'
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One shared NDJSON stream of job events for all listeners, opened on the first
 * subscription and closed after the last one leaves.
 *
 * If the stream drops (server restart, sleep, proxy), it reconnects with exponential
 * backoff and jitter; the delay resets once a connection delivers a line. Events sent while
 * disconnected are lost: the UI reloads job state with jobs:get (the journal is the source
 * of truth). One throwing listener does not stop the others.
 */
export function createEventStream(options: EventStreamOptions): (listener: Listener) => () => void {
  const baseDelay = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 15_000;
  const idleTimeout = options.idleTimeoutMs ?? 45_000;
  const reportListenerError =
    options.onListenerError ??
    ((caught: unknown) => console.error('A job event listener failed', caught));
  const listeners = new Set<Listener>();
  let controller: AbortController | null = null;

  const deliver = (line: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return;
    }
    if (!isJobEvent(parsed)) {
      return; // heartbeat `{}` or something newer than this renderer understands
    }
    for (const listener of [...listeners]) {
      try {
        listener(parsed);
      } catch (caught) {
        reportListenerError(caught);
      }
    }
  };

  /** Reads one connection to its end; true when it delivered at least one line. */
  const readOnce = async (signal: AbortSignal, abort: () => void): Promise<boolean> => {
    const response = await options.fetch(options.url, {
      headers: options.headers,
      signal,
      cache: 'no-store',
      credentials: 'omit',
    });
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      return false;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let gotLine = false;
    let idle = setTimeout(abort, idleTimeout);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          return gotLine;
        }
        clearTimeout(idle);
        idle = setTimeout(abort, idleTimeout);
        buffer += value;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          gotLine = true;
          if (line.trim() !== '') {
            deliver(line);
          }
        }
      }
    } finally {
      clearTimeout(idle);
      reader.releaseLock();
    }
  };

  const run = async (own: AbortController) => {
    let attempt = 0;
    while (!own.signal.aborted) {
      // Each connection gets its own controller so the idle watchdog can cut just that one.
      const connection = new AbortController();
      const stop = () => connection.abort();
      own.signal.addEventListener('abort', stop, { once: true });
      let delivered = false;
      try {
        delivered = await readOnce(connection.signal, stop);
      } catch {
        // Network error, abort or idle timeout: all mean "reconnect unless stopped".
      } finally {
        own.signal.removeEventListener('abort', stop);
      }
      attempt = delivered ? 0 : attempt + 1;
      if (!own.signal.aborted) {
        const delay = Math.min(maxDelay, baseDelay * 2 ** Math.max(0, attempt - 1));
        await sleep(delay / 2 + Math.random() * (delay / 2));
      }
    }
  };

  return (listener) => {
    // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
    const entry: Listener = (event) => listener(event);
    listeners.add(entry);
    if (controller === null) {
      const own = new AbortController();
      controller = own;
      void run(own);
    }
    return () => {
      listeners.delete(entry);
      if (listeners.size === 0 && controller !== null) {
        controller.abort();
        controller = null;
      }
    };
  };
}
