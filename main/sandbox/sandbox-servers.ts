import { SANDBOX_REQUESTS_PER_SECOND, SANDBOX_SEED_USERS, SANDBOX_TOKEN } from './sandbox-defaults';
import { PORTSIP_SANDBOX_SEED } from './portsip/portsip-seed';
import { startPortsipSimulator } from './portsip/portsip-simulator';
import type { PortsipSimulator, PortsipSimulatorOptions } from './portsip/portsip-simulator';
import { startWebexSimulator } from './webex/webex-simulator';
import type { WebexSimulator, WebexSimulatorOptions } from './webex/webex-simulator';
import { startZoomSimulator } from './zoom/zoom-simulator';
import type { ZoomSimulator, ZoomSimulatorOptions } from './zoom/zoom-simulator';

/** How to start the built-in Sandbox; per-vendor options override the sandbox defaults. */
export interface SandboxOptions {
  /** Interface every simulator listens on; default 127.0.0.1. */
  host?: string;
  zoom?: ZoomSimulatorOptions;
  webex?: WebexSimulatorOptions;
  portsip?: PortsipSimulatorOptions;
}

/** The running Sandbox: one simulator per vendor. */
export interface Sandbox {
  zoom: ZoomSimulator;
  webex: WebexSimulator;
  portsip: PortsipSimulator;
  /** Stops every simulator. */
  close(): Promise<void>;
}

async function closeAll(simulators: readonly { close(): Promise<void> }[]): Promise<void> {
  // allSettled: one simulator failing to close must not leave the others listening.
  const results = await Promise.allSettled(simulators.map((simulator) => simulator.close()));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    throw failed.reason;
  }
}

/**
 * Starts the app's built-in Sandbox: local simulators of Zoom, Webex and PortSIP seeded with
 * demo data, so a newcomer can run the whole flow with no account and no network.
 *
 * Defaults: random loopback ports, token `sandbox-token`, 40 demo Zoom users, three demo
 * Webex workspaces, a dozen PortSIP users with two groups, 20 requests/s (PortSIP: the same
 * as a per-minute quota).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const started: { close(): Promise<void> }[] = [];
  try {
    const zoom = await startZoomSimulator({
      host,
      tokens: [SANDBOX_TOKEN],
      seedUsers: SANDBOX_SEED_USERS,
      rateLimit: { perSecond: SANDBOX_REQUESTS_PER_SECOND },
      ...options.zoom,
    });
    started.push(zoom);
    const webex = await startWebexSimulator({
      host,
      tokens: [SANDBOX_TOKEN],
      rateLimit: { perSecond: SANDBOX_REQUESTS_PER_SECOND },
      ...options.webex,
    });
    started.push(webex);
    const portsip = await startPortsipSimulator({
      host,
      tokens: [SANDBOX_TOKEN],
      quotaPerMinute: SANDBOX_REQUESTS_PER_SECOND * 60,
      seed: PORTSIP_SANDBOX_SEED,
      ...options.portsip,
    });
    started.push(portsip);
    return { zoom, webex, portsip, close: () => closeAll(started) };
  } catch (error) {
    // A port in use must not leave the simulators that did start listening.
    await closeAll(started).catch(() => undefined);
    throw error;
  }
}
