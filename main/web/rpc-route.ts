import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Router } from '../ipc/router';
import type { Logger } from '../lib/logger';
import { describeCaller } from './caller-check';
import { readBody, sendFailure, sendJson } from './http-io';

/** Path prefix of request channels: POST /rpc/<channel>. */
export const RPC_PREFIX = '/rpc/';

/**
 * Largest request body accepted: uploads arrive as base64 (4/3 of a 100 MB sheet) inside JSON.
 *
 * Kept a little above the contract's MAX_UPLOAD_BASE64 so the contract, not the transport,
 * produces the precise "file too large" message for anything in between.
 */
export const MAX_RPC_BODY_BYTES = 150 * 1024 * 1024;

/**
 * Handles one trusted POST /rpc/<channel>: body → JSON → router → Result.
 *
 * The caller has already passed the secret/host/origin checks, so only then is the body
 * read; an untrusted client cannot make us buffer anything. Router answers (including its
 * own refusals such as an unknown channel) are always HTTP 200: the Result is the answer.
 */
export async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { router: Router; log: Logger; maxBodyBytes: number; pathname: string },
): Promise<void> {
  let channel: string;
  try {
    channel = decodeURIComponent(deps.pathname.slice(RPC_PREFIX.length));
  } catch {
    channel = deps.pathname.slice(RPC_PREFIX.length);
  }
  const body = await readBody(req, deps.maxBodyBytes);
  if (body.kind === 'aborted') {
    return;
  }
  if (body.kind === 'too-large') {
    deps.log.warn('web.refused', { channel: channel.slice(0, 60), reason: 'body too large' });
    const mb = Math.round(deps.maxBodyBytes / (1024 * 1024));
    sendFailure(
      res,
      413,
      'IPC_INVALID_ARGS',
      `The request is larger than ${mb} MB; batchline cannot take a file this big.`,
      {
        Connection: 'close',
      },
    );
    return;
  }
  let args: unknown;
  if (body.text.trim() !== '') {
    try {
      args = JSON.parse(body.text) as unknown;
    } catch {
      deps.log.warn('web.refused', { channel: channel.slice(0, 60), reason: 'invalid JSON' });
      sendFailure(
        res,
        400,
        'IPC_INVALID_ARGS',
        `The request for ${channel.slice(0, 60)} is not valid JSON.`,
      );
      return;
    }
  }
  const result = await deps.router.dispatch(channel, args, {
    trusted: true,
    description: describeCaller(req),
  });
  if (!res.destroyed) {
    sendJson(res, 200, result);
  }
}
