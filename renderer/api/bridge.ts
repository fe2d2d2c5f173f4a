import { buildApi, type BatchlineApi } from '../../shared/ipc/api';
import { createEventStream } from './event-stream';
import { SECRET_HEADER, createHttpInvoke, type HttpTransportOptions } from './http-invoke';
import { createOffThreadPost } from './off-thread-post';
import { takeSessionSecret } from './session-secret';

/**
 * Builds the API over HTTP for browser mode: POST /rpc/<channel> for requests, one shared
 * NDJSON stream from /events for job events.
 *
 * Exported for tests and tools; UI code calls {@link getApi}.
 */
export function createHttpApi(options: HttpTransportOptions): BatchlineApi {
  const subscribe = createEventStream({
    url: `${options.base}/events`,
    headers: options.secret === null ? {} : { [SECRET_HEADER]: options.secret },
    fetch: options.fetch,
  });
  return buildApi(createHttpInvoke(options), subscribe);
}

let api: BatchlineApi | undefined;

/**
 * The renderer's one way to talk to main.
 *
 * In the desktop app the preload has put the API on `window.batchline` (Electron IPC); in
 * browser mode there is none, so the same API is built over HTTP to the server that served
 * this page. Either way every call resolves to a Result and never rejects; see unwrap() for
 * code that prefers exceptions. The first call in browser mode moves the secret out of the
 * URL fragment, so call it early (before a hash router reads location.hash).
 */
export function getApi(): BatchlineApi {
  api ??=
    window.batchline ??
    createHttpApi({
      base: '',
      secret: takeSessionSecret({
        location: window.location,
        storage: window.sessionStorage,
        history: window.history,
      }),
      fetch: window.fetch.bind(window),
      postLarge: createOffThreadPost(),
    });
  return api;
}
