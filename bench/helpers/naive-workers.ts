/**
 * The obvious alternative to batchline's push engine, for the benches to measure beside it:
 * a few workers taking jobs from one queue, each sending as fast as it can and sleeping the
 * Retry-After of a 429 before sending that job again. No shared token bucket, no plan, no
 * journal: what a quick script against the API does.
 */

/** How the loop ended: the jobs answered 2xx, those refused otherwise, and the wall time. */
export interface NaiveOutcome<J> {
  done: J[];
  refused: J[];
  seconds: number;
}

/** Runs `jobs` through `workers` concurrent loops; `send` makes one request for a job. */
export async function naiveWorkers<J>(
  jobs: readonly J[],
  send: (job: J) => Promise<Response>,
  workers = 4,
): Promise<NaiveOutcome<J>> {
  const queue = [...jobs];
  const done: J[] = [];
  const refused: J[] = [];
  const started = performance.now();
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      for (;;) {
        const response = await send(job);
        await response.text();
        if (response.status !== 429) {
          (response.ok ? done : refused).push(job);
          break;
        }
        const wait = Number(response.headers.get('retry-after') ?? '1');
        await new Promise((resolve) =>
          setTimeout(resolve, (Number.isFinite(wait) ? wait : 1) * 1000),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, () => worker()));
  return { done, refused, seconds: (performance.now() - started) / 1000 };
}

/** One JSON request with a bearer token, as a script would send it. */
export function sendJson(
  method: string,
  url: string,
  token: string,
  body: unknown,
): Promise<Response> {
  return fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
