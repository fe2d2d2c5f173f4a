import { afterEach } from 'vitest';
import { startPortsipSimulator } from '../../main/sandbox/portsip/portsip-simulator';
import type {
  PortsipSimulator,
  PortsipSimulatorOptions,
} from '../../main/sandbox/portsip/portsip-simulator';
import { callSimulator } from './zoom-simulator-client';
import type { SimAnswer, SimRequest } from './zoom-simulator-client';

/** The error body every PortSIP simulator refusal carries. */
export interface PortsipErrorAnswer {
  code: string;
  message: string;
  field?: string;
}

/** A list answer (`count` is absent on members lists). */
export interface PortsipPage<T = Record<string, unknown>> {
  count?: number;
  items: T[];
}

/**
 * Calls the PortSIP simulator over real HTTP with the sandbox token (unless `request.token`
 * says otherwise) and parses the JSON answer. `path` starts with `/api/`.
 */
export function callPortsip(
  sim: PortsipSimulator,
  method: 'GET' | 'POST',
  path: string,
  request: SimRequest = {},
): Promise<SimAnswer> {
  return callSimulator(sim.url, method, path, request);
}

/** The error body of a refusal, for asserting on `field` and `message`. */
export function errorOf(answer: SimAnswer): PortsipErrorAnswer {
  return answer.body as PortsipErrorAnswer;
}

/** A create-user body that passes every rule; `n` makes name and extension unique. */
export function validPortsipUser(
  n: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: `new.user${n}`,
    password: 'Secret-Pass-1',
    extension_number: String(5000 + n),
    email: `new${n}@example.com`,
    display_name: `New User ${n}`,
    ...overrides,
  };
}

/** A create-role body with a few permissions granted. */
export function validPortsipRole(name: string): Record<string, unknown> {
  return {
    name,
    description: `${name} role`,
    permissions: { general: { voicemail_view_only: true }, policies: { internal_calls: true } },
  };
}

/**
 * A starter for PortSIP simulators that a test file closes after each test. Call it once at
 * the top of the file; every simulator it starts is closed in the file's afterEach.
 */
export function usePortsipSimulators(): (
  options?: PortsipSimulatorOptions,
) => Promise<PortsipSimulator> {
  const running: PortsipSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()));
  });
  return async (options = {}) => {
    const sim = await startPortsipSimulator(options);
    running.push(sim);
    return sim;
  };
}

/** POST /api/users with this body. */
export function createPortsipUser(sim: PortsipSimulator, body: unknown): Promise<SimAnswer> {
  return callPortsip(sim, 'POST', '/api/users', { json: body });
}
