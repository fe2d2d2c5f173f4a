import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';
import { Kind, Target } from '../../shared/datasets/targets';

/** The CLI's usage text (DESIGN.md "The command line"); the contract scripts rely on. */
export const USAGE = `batchline — bulk-provision phone systems from spreadsheets

Usage:
  batchline template --target T --kind K --out FILE            (.csv or .xlsx)
  batchline validate FILE --target T --kind K [--sheet NAME] [--map FILE.json] [--country CC] [--report FILE] [--json]
  batchline push     FILE --target T --kind K [--base-url URL] [--account-id ID] [--org-id ID]
                     [--sheet NAME] [--map FILE.json] [--country CC] [--dry-run] [--max-rps N]
                     [--runs-dir DIR] [--report FILE] [--json]
  batchline export   --target T --kind K [--base-url URL] --out FILE [--json]

  T: zoom, webex, portsip    K: users, internal-numbers, workspace-numbers, roles, groups, group-members
  Credentials come from the environment, never from arguments: BATCHLINE_TOKEN (bearer token),
  or for Zoom BATCHLINE_ZOOM_ACCOUNT_ID, BATCHLINE_ZOOM_CLIENT_ID, BATCHLINE_ZOOM_CLIENT_SECRET
  (Server-to-Server OAuth) with [--oauth-url URL] (default https://zoom.us/oauth/token).
  Exit codes: 0 every row valid or done; 1 some rows invalid or failed; 2 bad usage or unreadable file.
`;

type Options = NonNullable<ParseArgsConfig['options']>;
const str = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;
const dataset: Options = { target: str, kind: str };
const readSheet: Options = { sheet: str, map: str, country: str };

const COMMANDS: Record<string, { options: Options; file: boolean }> = {
  template: { options: { ...dataset, out: str }, file: false },
  validate: { options: { ...dataset, ...readSheet, report: str, json: flag }, file: true },
  push: {
    options: {
      ...dataset,
      ...readSheet,
      'base-url': str,
      'oauth-url': str,
      'account-id': str,
      'org-id': str,
      'dry-run': flag,
      'max-rps': str,
      'runs-dir': str,
      report: str,
      json: flag,
    },
    file: true,
  },
  export: {
    options: { ...dataset, 'base-url': str, 'oauth-url': str, out: str, json: flag },
    file: false,
  },
};

/** A parsed command line: the command, its FILE (if it takes one) and its option values. */
export interface ParsedCommand {
  command: 'template' | 'validate' | 'push' | 'export';
  file?: string;
  target: Target;
  kind: Kind;
  values: Record<string, string | boolean | undefined>;
}

function usageError(message: string): AppError {
  return new AppError('USAGE', `${message} (run "batchline --help" for usage)`);
}

/** Parses argv strictly: unknown commands, unknown options and missing values are usage errors. */
export function parseCommandLine(argv: string[]): ParsedCommand | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    return 'help';
  }
  const spec = COMMANDS[command];
  if (!spec) {
    throw usageError(`Unknown command "${command}"`);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: spec.options, strict: true, allowPositionals: true });
  } catch (caught) {
    throw usageError((caught as Error).message.split('\n')[0] ?? 'Invalid arguments');
  }
  const { values, positionals } = parsed;
  if (spec.file && positionals.length !== 1) {
    throw usageError(
      positionals.length === 0
        ? `${command} needs a FILE`
        : `${command} takes one FILE, got ${positionals.length}`,
    );
  }
  if (!spec.file && positionals.length > 0) {
    throw usageError(`${command} takes no FILE argument (got "${positionals[0]}")`);
  }
  const target = Target.safeParse(values.target);
  if (!target.success) {
    throw usageError(
      values.target === undefined
        ? '--target is required'
        : `Unknown --target "${String(values.target)}"; use zoom, webex or portsip`,
    );
  }
  const kind = Kind.safeParse(values.kind);
  if (!kind.success) {
    throw usageError(
      values.kind === undefined ? '--kind is required' : `Unknown --kind "${String(values.kind)}"`,
    );
  }
  return {
    command: command as ParsedCommand['command'],
    ...(spec.file ? { file: positionals[0] } : {}),
    target: target.data,
    kind: kind.data,
    values: values as Record<string, string | boolean | undefined>,
  };
}

/** Reads a string option, or undefined. */
export function stringOption(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a required string option or fails as a usage error naming it. */
export function requiredOption(parsed: ParsedCommand, name: string): string {
  const value = stringOption(parsed, name);
  if (value === undefined || value === '') {
    throw usageError(`--${name} is required for ${parsed.command}`);
  }
  return value;
}
