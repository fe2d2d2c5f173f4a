import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../main/app/create-app-services';
import type { AppServicesOptions, DesktopServices } from '../../main/app/app-services';
import { silentLogger } from '../../main/lib/logger';
import type { JobState } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

/** The app's services on a temp data folder, driven through the router as the renderer does. */
export interface AppRouterSession {
  dataDir: string;
  services: DesktopServices;
  /** Dispatches as a trusted caller and returns the Result as is. */
  dispatch: (channel: string, args: unknown) => Promise<Result<unknown>>;
  /** Dispatches and unwraps; a failed Result throws with its code and message. */
  call: <T>(channel: string, args: unknown) => Promise<T>;
  /** Polls jobs:get until the job is no longer running. */
  waitForJob: (jobId: string) => Promise<JobState>;
  /** Opens `csv` as Zoom users with the suggested mapping and starts a push to the Sandbox. */
  pushZoomUsers: (csv: string, fileName?: string) => Promise<{ jobId: string }>;
  close: () => Promise<void>;
}

/**
 * Starts the app's services (Sandbox included) on a fresh temp data folder, in browser mode
 * unless `options` say otherwise.
 */
export async function startAppRouterSession(
  options: Partial<Omit<AppServicesOptions, 'dataDir'>> = {},
): Promise<AppRouterSession> {
  const dataDir = await mkdtemp(join(tmpdir(), 'batchline-router-'));
  const services = await createAppServices({
    dataDir,
    mode: 'browser',
    version: 'test',
    log: silentLogger,
    ...options,
  });
  const caller = { trusted: true, description: 'test' };
  const dispatch = (channel: string, args: unknown) =>
    services.router.dispatch(channel, args, caller);
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const result = (await dispatch(channel, args)) as Result<T>;
    if (!result.ok) {
      throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    }
    return result.value;
  };
  const waitForJob = async (jobId: string): Promise<JobState> => {
    for (;;) {
      const state = await call<JobState>('jobs:get', { jobId });
      if (state.state !== 'running') {
        return state;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const pushZoomUsers = async (csv: string, fileName = 'users.csv') => {
    const preview = await call<{ fileId: string; suggestedMapping: Record<string, string> }>(
      'import:open',
      { target: 'zoom', kind: 'users', fileName, dataBase64: Buffer.from(csv).toString('base64') },
    );
    return call<{ jobId: string }>('jobs:start', {
      target: 'zoom',
      kind: 'users',
      fileId: preview.fileId,
      mapping: preview.suggestedMapping,
      connectionId: 'sandbox-zoom',
    });
  };
  return {
    dataDir,
    services,
    dispatch,
    call,
    waitForJob,
    pushZoomUsers,
    async close() {
      await services.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
