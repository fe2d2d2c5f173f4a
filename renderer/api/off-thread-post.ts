/** Posts a request from a worker; resolves to its Response, rejects when it could not be sent. */
export type PostLarge = (
  url: string,
  headers: Record<string, string>,
  args: unknown,
) => Promise<Response>;

/** Requests with a string argument this long are posted from the worker. */
export const LARGE_ARG_CHARS = 1_000_000;

/** Whether a request carries a string (an upload in base64) big enough to post off-thread. */
export function hasLargeArg(args: unknown): boolean {
  if (typeof args !== 'object' || args === null) {
    return false;
  }
  return Object.values(args).some(
    (value) => typeof value === 'string' && value.length >= LARGE_ARG_CHARS,
  );
}

interface PostReply {
  id: number;
  status?: number;
  text?: string;
  error?: string;
}

/**
 * A PostLarge over one lazily started worker (renderer/api/post-worker.ts). Undefined when
 * the page cannot start workers: the caller then posts from the page as before.
 */
export function createOffThreadPost(): PostLarge | undefined {
  if (typeof Worker === 'undefined') {
    return undefined;
  }
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void }>();
  const start = (): Worker => {
    const started = new Worker(new URL('./post-worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<PostReply>) => {
      const { id, status, text, error } = event.data;
      const waiting = pending.get(id);
      pending.delete(id);
      if (error !== undefined || status === undefined) {
        waiting?.reject(new Error(error ?? 'no answer'));
      } else {
        waiting?.resolve(new Response(text ?? '', { status }));
      }
    };
    started.onerror = () => {
      // A worker that failed to load fails its requests; the next one starts a new worker.
      for (const waiting of pending.values()) {
        waiting.reject(new Error('the upload worker stopped'));
      }
      pending.clear();
      worker = undefined;
    };
    return started;
  };
  return (url, headers, args) =>
    new Promise<Response>((resolve, reject) => {
      worker ??= start();
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, url, headers, args });
    });
}
