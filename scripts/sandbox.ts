/**
 * Runs the Sandbox's simulators (Zoom, Webex, PortSIP) in the foreground so an admin can try
 * the CLI by hand:
 *
 *   npx tsx scripts/sandbox.ts [--port N] [--rps N] [--seed N]
 *   BATCHLINE_TOKEN=sandbox-token batchline push users.csv --target zoom --kind users --base-url <url>
 *
 * Prints one line per simulator with its base URL (and the token), then serves until Ctrl-C.
 * --port fixes the Zoom simulator's port; Webex and PortSIP take the next two.
 */
import { parseArgs } from 'node:util';
import {
  SANDBOX_REQUESTS_PER_SECOND,
  SANDBOX_SEED_USERS,
  SANDBOX_TOKEN,
} from '../main/sandbox/sandbox-defaults';
import { startSandbox } from '../main/sandbox/sandbox-servers';

function numberOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
): number {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    process.stderr.write(`sandbox: --${name} must be an integer ≥ ${min}, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      rps: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const port = numberOption('port', values.port, 0, 0);
  const perSecond = numberOption('rps', values.rps, SANDBOX_REQUESTS_PER_SECOND, 1);
  const sandbox = await startSandbox({
    zoom: {
      port,
      rateLimit: { perSecond },
      seedUsers: numberOption('seed', values.seed, SANDBOX_SEED_USERS, 0),
    },
    webex: { port: port === 0 ? 0 : port + 1, rateLimit: { perSecond } },
    portsip: { port: port === 0 ? 0 : port + 2, quotaPerMinute: perSecond * 60 },
  });
  process.stdout.write(
    [
      `zoom simulator: ${sandbox.zoom.url}  token: ${SANDBOX_TOKEN}`,
      `webex simulator: ${sandbox.webex.url}  org: ${sandbox.webex.orgId}`,
      `portsip simulator: ${sandbox.portsip.url}`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
