import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../../main/cli/cli-args';
import { AppError } from '../../../../shared/errors';

function usageErrorOf(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (caught) {
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('USAGE');
    return (caught as AppError).message;
  }
  throw new Error('expected a usage error');
}

describe('parseCommandLine', () => {
  it('parses push with its file, dataset and options', () => {
    const parsed = parseCommandLine([
      'push',
      'users.csv',
      '--target',
      'zoom',
      '--kind',
      'users',
      '--base-url',
      'http://x',
      '--json',
    ]);
    expect(parsed).toMatchObject({
      command: 'push',
      file: 'users.csv',
      target: 'zoom',
      kind: 'users',
    });
    expect(parsed !== 'help' && parsed.values.json).toBe(true);
  });

  it('answers help for no arguments and --help', () => {
    expect(parseCommandLine([])).toBe('help');
    expect(parseCommandLine(['--help'])).toBe('help');
  });

  it('refuses unknown commands, unknown flags and flags of another command', () => {
    expect(usageErrorOf(['deploy'])).toContain('Unknown command "deploy"');
    expect(
      usageErrorOf(['push', 'a.csv', '--target', 'zoom', '--kind', 'users', '--colour']),
    ).toContain("'--colour'");
    expect(
      usageErrorOf([
        'template',
        '--target',
        'zoom',
        '--kind',
        'users',
        '--out',
        'x.csv',
        '--dry-run',
      ]),
    ).toContain("'--dry-run'");
  });

  it('refuses a missing or unknown target or kind, and a missing or extra FILE', () => {
    expect(usageErrorOf(['validate', 'a.csv', '--kind', 'users'])).toContain(
      '--target is required',
    );
    expect(usageErrorOf(['validate', 'a.csv', '--target', 'teams', '--kind', 'users'])).toContain(
      'Unknown --target "teams"',
    );
    expect(usageErrorOf(['validate', 'a.csv', '--target', 'zoom', '--kind', 'phones'])).toContain(
      'Unknown --kind "phones"',
    );
    expect(usageErrorOf(['validate', '--target', 'zoom', '--kind', 'users'])).toContain(
      'needs a FILE',
    );
    expect(
      usageErrorOf(['validate', 'a.csv', 'b.csv', '--target', 'zoom', '--kind', 'users']),
    ).toContain('takes one FILE');
    expect(usageErrorOf(['export', 'a.csv', '--target', 'zoom', '--kind', 'users'])).toContain(
      'takes no FILE',
    );
  });

  it('never accepts a token as an option', () => {
    const message = usageErrorOf([
      'push',
      'a.csv',
      '--target',
      'zoom',
      '--kind',
      'users',
      '--token',
      's3cr3t-value',
    ]);
    expect(message).toContain("'--token'");
    expect(message).not.toContain('s3cr3t-value');
  });
});
