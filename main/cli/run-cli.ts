import { toSerializedError } from '../../shared/errors';
import { parseCommandLine, USAGE } from './cli-args';
import type { CliIo } from './cli-io';
import { exportCommand } from './commands/export';
import { pushCommand } from './commands/push';
import { resumeCommand } from './commands/resume';
import { templateCommand } from './commands/template';
import { validateCommand } from './commands/validate';

/**
 * Runs one CLI invocation and returns its exit code: 0 all rows valid or done, 1 some rows
 * invalid or failed, 2 bad usage or unreadable input (one line on stderr saying why).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    switch (parsed.command) {
      case 'template':
        return await templateCommand(parsed, io);
      case 'validate':
        return await validateCommand(parsed, io);
      case 'push':
        return await pushCommand(parsed, io);
      case 'export':
        return await exportCommand(parsed, io);
      case 'resume':
        return await resumeCommand(parsed, io);
    }
  } catch (caught) {
    const error = toSerializedError(caught);
    // Row outcomes never get here (they are results, exit 0 or 1); whatever is thrown is a
    // problem with the input or the setup: one line, exit 2.
    io.stderr(`batchline: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  }
}
