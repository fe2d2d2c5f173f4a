import { SANDBOX_REQUESTS_PER_SECOND, SANDBOX_SEED_USERS, SANDBOX_TOKEN } from './sandbox-defaults';
import { startZoomSimulator } from './zoom/zoom-simulator';
import type { ZoomSimulator, ZoomSimulatorOptions } from './zoom/zoom-simulator';

/** How to start the built-in Sandbox; per-vendor options override the sandbox defaults. */
export interface SandboxOptions {
  /** Interface every simulator listens on; default 127.0.0.1. */
  host?: string;
  zoom?: ZoomSimulatorOptions;
}

/** The running Sandbox: one simulator per vendor (Webex and PortSIP join here later). */
export interface Sandbox {
  zoom: ZoomSimulator;
  /** Stops every simulator. */
  close(): Promise<void>;
}

/**
 * Starts the app's built-in Sandbox: local simulators seeded with demo data, so a newcomer can
 * run the whole flow with no account and no network.
 *
 * Defaults: random loopback ports, token `sandbox-token`, 40 demo users, 20 requests/s.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const zoom = await startZoomSimulator({
    host: options.host ?? '127.0.0.1',
    tokens: [SANDBOX_TOKEN],
    seedUsers: SANDBOX_SEED_USERS,
    rateLimit: { perSecond: SANDBOX_REQUESTS_PER_SECOND },
    ...options.zoom,
  });
  const simulators = [zoom];
  return {
    zoom,
    close: async () => {
      // allSettled: one simulator failing to close must not leave the others listening.
      const results = await Promise.allSettled(simulators.map((simulator) => simulator.close()));
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) {
        throw failed.reason;
      }
    },
  };
}
