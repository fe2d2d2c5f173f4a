import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Target } from '../../shared/datasets/targets';
import { defaultDataDir } from '../lib/paths';
import {
  createZoomOAuthTokenSource,
  ZOOM_OAUTH_URL,
} from '../services/connectors/zoom/zoom-oauth-client';
import { staticToken, type TokenSource } from '../services/http/token-source';
import { stringOption, type ParsedCommand } from './cli-args';
import type { CliIo } from './cli-io';

const OAUTH_VARS = [
  'BATCHLINE_ZOOM_ACCOUNT_ID',
  'BATCHLINE_ZOOM_CLIENT_ID',
  'BATCHLINE_ZOOM_CLIENT_SECRET',
] as const;

/**
 * The credentials of a run, from the environment only (never argv, never echoed):
 * BATCHLINE_TOKEN (a bearer token), or for Zoom a Server-to-Server OAuth app from
 * BATCHLINE_ZOOM_ACCOUNT_ID, BATCHLINE_ZOOM_CLIENT_ID and BATCHLINE_ZOOM_CLIENT_SECRET with
 * --oauth-url (default Zoom's token endpoint).
 */
export function authFromEnv(
  parsed: { target: Target; values: ParsedCommand['values'] },
  io: CliIo,
  fallbackOauthUrl: string = ZOOM_OAUTH_URL,
): TokenSource {
  const token = io.env.BATCHLINE_TOKEN?.trim();
  if (token) {
    return staticToken(token);
  }
  const present = OAUTH_VARS.filter((name) => io.env[name]?.trim());
  if (parsed.target === 'zoom' && present.length > 0) {
    const missing = OAUTH_VARS.filter((name) => !present.includes(name));
    if (missing.length > 0) {
      throw new AppError(
        'AUTH_MISSING',
        `Zoom OAuth needs ${missing.join(' and ')} too (or set BATCHLINE_TOKEN instead).`,
      );
    }
    const oauthUrl = stringOption(parsed, 'oauth-url') ?? fallbackOauthUrl;
    return createZoomOAuthTokenSource({
      accountId: io.env.BATCHLINE_ZOOM_ACCOUNT_ID?.trim() ?? '',
      clientId: io.env.BATCHLINE_ZOOM_CLIENT_ID?.trim() ?? '',
      clientSecret: io.env.BATCHLINE_ZOOM_CLIENT_SECRET?.trim() ?? '',
      oauthUrl: httpUrl(oauthUrl, '--oauth-url'),
    });
  }
  const zoomHint =
    parsed.target === 'zoom'
      ? ', or the BATCHLINE_ZOOM_ACCOUNT_ID/CLIENT_ID/CLIENT_SECRET of a Server-to-Server OAuth app'
      : '';
  throw new AppError(
    'AUTH_MISSING',
    `BATCHLINE_TOKEN is not set: put the API token in that environment variable${zoomHint} (never on the command line).`,
  );
}

/** What the run manifest records about the credentials in use: their kind, never a value. */
export function describeAuth(
  parsed: { values: ParsedCommand['values'] },
  io: CliIo,
): { kind: 'token' } | { kind: 'zoom-oauth'; oauthUrl: string } {
  if (io.env.BATCHLINE_TOKEN?.trim()) {
    return { kind: 'token' };
  }
  return { kind: 'zoom-oauth', oauthUrl: stringOption(parsed, 'oauth-url') ?? ZOOM_OAUTH_URL };
}

/** --base-url, checked to be an http(s) URL, or the target's default. */
export function baseUrlOption(parsed: ParsedCommand, fallback: string | undefined): string {
  const value = stringOption(parsed, 'base-url') ?? fallback;
  if (!value) {
    throw new AppError(
      'USAGE',
      `--base-url is required for --target ${parsed.target} (it has no default address).`,
    );
  }
  return httpUrl(value, '--base-url').replace(/\/+$/, '');
}

/** Checks an http(s) URL given as an option; credentials inside it are refused. */
function httpUrl(value: string, option: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('USAGE', `${option} "${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError(
      'USAGE',
      `${option} must start with https:// (or http:// for a local simulator), got "${value}".`,
    );
  }
  if (url.username || url.password) {
    throw new AppError('USAGE', `${option} must not contain credentials; use the environment.`);
  }
  return value;
}

/** --max-rps: a positive number of requests a second, capped at a sane 100. */
export function maxRpsOption(
  parsed: { values: ParsedCommand['values'] },
  fallback: number,
): number {
  const raw = stringOption(parsed, 'max-rps');
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 100) {
    throw new AppError('USAGE', `--max-rps must be a number between 0 and 100, got "${raw}".`);
  }
  return value;
}

/** --runs-dir, else the app's data folder (shared by the app and the CLI). */
export function runsDirOption(parsed: { values: ParsedCommand['values'] }, io: CliIo): string {
  const explicit = stringOption(parsed, 'runs-dir');
  if (explicit) {
    return resolve(io.cwd, explicit);
  }
  return join(io.env.BATCHLINE_DATA_DIR ?? defaultDataDir(io.env), 'runs');
}
