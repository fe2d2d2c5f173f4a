import { AppError } from '../../../shared/errors';
import type { Kind, Target } from '../../../shared/datasets/targets';
import type { FetchLike } from '../http/http-call';
import type { TokenSource } from '../http/token-source';
import type { PushAdapter } from '../push/push-adapter';
import { createZoomUsersAdapter } from './zoom/zoom-users.connector';

/** Where and as whom to push; the token stays behind a source so it never gets copied around. */
export interface TargetConnection {
  baseUrl: string;
  auth: TokenSource;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** Default API bases (DESIGN.md); every one is overridable so tests use local simulators. */
export const DEFAULT_BASE_URLS: Partial<Record<Target, string>> = {
  zoom: 'https://api.zoom.us/v2',
  webex: 'https://webexapis.com/v1',
};

/** Published request rates per target (Zoom Phone "Medium" label on a Pro plan: 10/s). */
export const DEFAULT_MAX_RPS: Record<Target, number> = { zoom: 10, webex: 5, portsip: 16 };

/** The push adapter for a target × dataset, or a clear refusal when it is not built yet. */
export function createPushAdapter(
  target: Target,
  kind: Kind,
  connection: TargetConnection,
): PushAdapter<unknown> {
  if (target === 'zoom' && kind === 'users') {
    return createZoomUsersAdapter(connection);
  }
  throw new AppError(
    'USAGE',
    `Pushing --target ${target} --kind ${kind} is not supported by this version of batchline.`,
  );
}
