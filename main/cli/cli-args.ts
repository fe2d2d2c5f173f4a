import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';
import { Kind, Target } from '../../shared/datasets/targets';

/** The CLI's usage text (DESIGN.md "The command line"); the contract scripts rely on. */
export const USAGE = `batchline — bulk-provision phone systems from spreadsheets

Usage:
  batchline template --target T --kind K --out FILE            (.csv or .xlsx)
  batchline validate FILE --target T --kind K [--sheet NAME] [--map FILE.json] [--country CC] [--report FILE] [--json]
  batchline push     FILE --target T --kind K [--base-url URL] [--account-id ID] [--org-id ID]
                     [--sheet NAME] [--map FILE.json] [--country CC] [--dry-run] [--create-only]
                     [--confirm-large] [--max-rps N] [--runs-dir DIR] [--report FILE] [--json]
  batchline resume   RUN_ID [--runs-dir DIR] [--max-rps N] [--report FILE] [--json]
  batchline export   --target T --kind K [--base-url URL] --out FILE [--account-id ID] [--org-id ID]
                     [--workspace-id ID]... [--filter NAME=VALUE]... [--max-rps N] [--json]

  T: zoom, webex, portsip    K: users, internal-numbers, workspace-numbers, roles, groups, group-members
  Credentials come from the environment, never from arguments: BATCHLINE_TOKEN (bearer token),
  or for Zoom BATCHLINE_ZOOM_ACCOUNT_ID, BATCHLINE_ZOOM_CLIENT_ID, BATCHLINE_ZOOM_CLIENT_SECRET
  (Server-to-Server OAuth) with [--oauth-url URL] (default https://zoom.us/oauth/token).
  push updates records that exist with other values where the target can (PortSIP); --create-only
  reports them as conflicts instead. A run changing over 20% (and 10 or more) of existing records needs --confirm-large.
  Exit codes: 0 every row valid or done; 1 some rows invalid or failed; 2 bad usage or unreadable file.
`;

type Options = NonNullable<ParseArgsConfig['options']>;
const str = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;
const dataset: Options = { target: str, kind: str };
const readSheet: Options = { sheet: str, map: str, country: str };

const COMMANDS: Record<string, { options: Options; positional: 'FILE' | 'RUN_ID' | null }> = {
  template: { options: { ...dataset, out: str }, positional: null },
  validate: { options: { ...dataset, ...readSheet, report: str, json: flag }, positional: 'FILE' },
  push: {
    options: {
      ...dataset,
      ...readSheet,
      'base-url': str,
      'oauth-url': str,
      'account-id': str,
      'org-id': str,
      'dry-run': flag,
      'confirm-large': flag,
      'create-only': flag,
      'max-rps': str,
      'runs-dir': str,
      report: str,
      json: flag,
    },
    positional: 'FILE',
  },
  resume: {
    options: { 'runs-dir': str, 'max-rps': str, report: str, json: flag },
    positional: 'RUN_ID',
  },
  export: {
    options: {
      ...dataset,
      'base-url': str,
      'oauth-url': str,
      'account-id': str,
      'org-id': str,
      'workspace-id': { type: 'string', multiple: true },
      filter: { type: 'string', multiple: true },
      'max-rps': str,
      out: str,
      json: flag,
    },
    positional: null,
  },
};

type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** A parsed command that works on a target × dataset: its FILE (if it takes one) and options. */
export interface ParsedCommand {
  command: 'template' | 'validate' | 'push' | 'export';
  file?: string;
  target: Target;
  kind: Kind;
  values: OptionValues;
}

/** `resume RUN_ID`: the run folder says the target, dataset and file. */
export interface ParsedResume {
  command: 'resume';
  runId: string;
  values: OptionValues;
}

function usageError(message: string): AppError {
  return new AppError('USAGE', `${message} (run "batchline --help" for usage)`);
}

function positionalOf(
  command: string,
  expected: 'FILE' | 'RUN_ID' | null,
  positionals: string[],
): string | undefined {
  if (expected === null) {
    if (positionals.length > 0) {
      throw usageError(`${command} takes no FILE argument (got "${positionals[0]}")`);
    }
    return undefined;
  }
  if (positionals.length !== 1) {
    throw usageError(
      positionals.length === 0
        ? `${command} needs a ${expected}`
        : `${command} takes one ${expected}, got ${positionals.length}`,
    );
  }
  return positionals[0];
}

/** Parses argv strictly: unknown commands, unknown options and missing values are usage errors. */
export function parseCommandLine(argv: string[]): ParsedCommand | ParsedResume | 'help' {
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
  const values = parsed.values as OptionValues;
  const positional = positionalOf(command, spec.positional, parsed.positionals);
  if (command === 'resume') {
    if (!positional || !/^[A-Za-z0-9_-]{1,120}$/.test(positional)) {
      throw usageError(
        `"${positional ?? ''}" is not a run id (they look like 20261124-072101-zoom-users-3f9a1c)`,
      );
    }
    return { command: 'resume', runId: positional, values };
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
    ...(positional !== undefined ? { file: positional } : {}),
    target: target.data,
    kind: kind.data,
    values,
  };
}

/** Reads a string option, or undefined. */
export function stringOption(parsed: { values: OptionValues }, name: string): string | undefined {
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

/** Reads a repeatable string option (each value may also be a comma-separated list). */
export function listOption(parsed: { values: OptionValues }, name: string): string[] {
  const value = parsed.values[name];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}
