import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { defaultDataDir } from '../lib/paths';
import { stringOption, type ParsedCommand } from './cli-args';
import type { CliIo } from './cli-io';

/** The bearer token from BATCHLINE_TOKEN; never from argv, never echoed. */
export function tokenFromEnv(io: CliIo): string {
  const token = io.env.BATCHLINE_TOKEN?.trim();
  if (!token) {
    throw new AppError(
      'AUTH_MISSING',
      'BATCHLINE_TOKEN is not set: put the API token in that environment variable (never on the command line).',
    );
  }
  return token;
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
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('USAGE', `--base-url "${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError(
      'USAGE',
      `--base-url must start with https:// (or http:// for a local simulator), got "${value}".`,
    );
  }
  if (url.username || url.password) {
    throw new AppError('USAGE', '--base-url must not contain credentials; use BATCHLINE_TOKEN.');
  }
  return value.replace(/\/+$/, '');
}

/** --max-rps: a positive number of requests a second, capped at a sane 100. */
export function maxRpsOption(parsed: ParsedCommand, fallback: number): number {
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
export function runsDirOption(parsed: ParsedCommand, io: CliIo): string {
  const explicit = stringOption(parsed, 'runs-dir');
  if (explicit) {
    return resolve(io.cwd, explicit);
  }
  return join(io.env.BATCHLINE_DATA_DIR ?? defaultDataDir(io.env), 'runs');
}
