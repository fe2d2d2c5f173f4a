import { contract, type ArgsOf, type Channel, type ReplyOf } from '../../shared/ipc/contract';
import { toSerializedError, type SerializedAppError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import type { Logger } from '../lib/logger';

/** Who is calling: decided by the transport (Electron sender check or HTTP secret + origin). */
export interface CallerInfo {
  trusted: boolean;
  /** For logs only: "ipc frame https://…", "http 127.0.0.1". */
  description: string;
}

/** One async implementation per request channel; they may throw AppError, never across the bridge. */
export type Handlers = {
  [C in Channel]: (args: ArgsOf<C>) => Promise<ReplyOf<C>>;
};

/** The single entry point both transports call. */
export interface Router {
  dispatch(channel: string, rawArgs: unknown, caller: CallerInfo): Promise<Result<unknown>>;
  channels: readonly Channel[];
}

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Longest issue text and longest whole description kept; see describeIssues. */
const MAX_ISSUE_CHARS = 160;
const MAX_WHERE_CHARS = 400;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The first few zod issues as "path: message", clipped.
 *
 * Paths and zod's messages can echo what the caller sent (record keys, unknown key names; a
 * million extra keys make one issue's message megabytes long), and this text goes both to
 * the log and back to the caller, so neither may grow with the input.
 */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const described = issues.slice(0, 3).map((issue) => {
    const path = issue.path.slice(0, 6).map(String).join('.') || '(arguments)';
    return `${clip(path, 60)}: ${clip(issue.message, MAX_ISSUE_CHARS)}`;
  });
  return clip(described.join('; '), MAX_WHERE_CHARS);
}

function refuse(code: SerializedAppError['code'], message: string): Result<never> {
  return fail({ code, message, retryable: false });
}

/**
 * Builds the router: sender check → channel check → zod parse → handler → Result.
 *
 * Order matters: an untrusted caller learns nothing, not even whether a channel exists
 * (Electron security checklist §17, "validate the sender of all IPC messages").
 */
export function createRouter(handlers: Handlers, log: Logger): Router {
  const channels = Object.keys(contract) as Channel[];
  return {
    channels,
    async dispatch(channel, rawArgs, caller) {
      if (!caller.trusted) {
        log.warn('ipc.refused', {
          channel: channel.slice(0, 60),
          caller: caller.description,
          reason: 'untrusted sender',
        });
        return refuse('IPC_FORBIDDEN', 'This caller is not allowed to talk to batchline.');
      }
      if (!isChannel(channel)) {
        log.warn('ipc.refused', {
          channel: channel.slice(0, 60),
          caller: caller.description,
          reason: 'unknown channel',
        });
        return refuse('IPC_INVALID_ARGS', `Unknown request "${channel.slice(0, 60)}".`);
      }
      const parsed = contract[channel].args.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        const where = describeIssues(parsed.error.issues);
        log.warn('ipc.refused', {
          channel,
          caller: caller.description,
          reason: 'invalid arguments',
          where,
        });
        return refuse('IPC_INVALID_ARGS', `Invalid arguments for ${channel}: ${where}`);
      }
      try {
        const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
        return ok(await handler(parsed.data));
      } catch (caught) {
        const error = toSerializedError(caught);
        log.error('ipc.failed', { channel, code: error.code, message: error.message });
        return fail(error);
      }
    },
  };
}
