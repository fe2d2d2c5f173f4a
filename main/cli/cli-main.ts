import { processIo } from './cli-io';
import { runCli } from './run-cli';

// The process entry of the `batchline` bin; all logic lives in run-cli.ts so tests can
// call it in-process.
process.exitCode = await runCli(process.argv.slice(2), processIo());
