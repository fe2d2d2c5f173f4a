import type { ArgsOf, Channel, JobEvent, ReplyOf } from './contract';
import type { Result } from '../result';
import type { AppCommand } from './app-commands';
import { REQUEST_CHANNELS } from './channels';

type VerbsOf<D extends string> = {
  [C in Channel as C extends `${D}:${infer V}` ? V : never]: (
    args: ArgsOf<C>,
  ) => Promise<Result<ReplyOf<C>>>;
};
type Domain = Channel extends `${infer D}:${string}` ? D : never;

/**
 * What the renderer sees as `window.batchline`: one named function per request channel
 * (`api.import.open(args)`), never a generic invoke, plus the job event and app command
 * subscriptions. App commands arrive unchecked: parse them with AppCommand before acting.
 */
export type BatchlineApi = { [D in Domain]: VerbsOf<D> } & {
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  onAppCommand(listener: (command: AppCommand) => void): () => void;
};

/** Sends one request over whichever transport is in use and resolves to its Result. */
export type Invoke = (channel: Channel, args: unknown) => Promise<Result<unknown>>;

/**
 * Builds the API object from a transport. The preload (Electron IPC) and the browser-mode
 * HTTP client both use this, so the renderer cannot tell them apart. Without
 * `subscribeCommands` (browser mode: no native menu) no app command ever arrives.
 */
export function buildApi(
  invoke: Invoke,
  subscribe: BatchlineApi['onJobEvent'],
  subscribeCommands: BatchlineApi['onAppCommand'] = () => () => undefined,
): BatchlineApi {
  const api: Record<string, Record<string, (args: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of REQUEST_CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (args: unknown) => invoke(channel, args);
  }
  return Object.assign(api, {
    onJobEvent: subscribe,
    onAppCommand: subscribeCommands,
  }) as unknown as BatchlineApi;
}
