import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from '../../helpers/run-cli-process';
import { validUsersCsv } from '../../helpers/users-csv';

/** Exit 2 with exactly one line on stderr, nothing on stdout. */
function expectOneLineRefusal(run: CliRun, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('batchline refuses bad usage and unreadable input with one line and exit 2, writing nothing', () => {
  let dir: string;
  const env = () => ({ BATCHLINE_TOKEN: 'tok-not-used', BATCHLINE_DATA_DIR: join(dir, 'data') });
  const push = (file: string, extra: string[] = [], envOverride?: Record<string, string>) =>
    runCliProcess(
      [
        'push',
        file,
        '--target',
        'zoom',
        '--kind',
        'users',
        '--base-url',
        'http://127.0.0.1:9/v2',
        ...extra,
      ],
      {
        cwd: dir,
        env: envOverride ?? env(),
      },
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-cli-bad-'));
    await writeFile(join(dir, 'users.csv'), validUsersCsv(3));
    await writeFile(join(dir, 'empty.csv'), '');
    await writeFile(
      join(dir, 'header-only.csv'),
      'Work Email,Given Name,Surname,Ext,Calling Plan\r\n',
    );
    await writeFile(join(dir, 'no-email.csv'), 'Name,Ext\r\nAl,1001\r\n');
    await mkdir(join(dir, 'a-folder.csv'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('an unknown flag', async () => {
    expectOneLineRefusal(await push('users.csv', ['--colour', 'red']), /Unknown option '--colour'/);
  });

  it('an unknown command', async () => {
    expectOneLineRefusal(
      await runCliProcess(['deploy'], { cwd: dir, env: env() }),
      /Unknown command "deploy"/,
    );
  });

  it('a missing token', async () => {
    expectOneLineRefusal(
      await push('users.csv', [], { BATCHLINE_DATA_DIR: join(dir, 'data') }),
      /BATCHLINE_TOKEN is not set/,
    );
  });

  it('a file that does not exist', async () => {
    expectOneLineRefusal(await push('nope.csv'), /nope\.csv/);
  });

  it('a folder instead of a file', async () => {
    expectOneLineRefusal(await push('a-folder.csv'), /a-folder\.csv/);
  });

  it('an empty file', async () => {
    expectOneLineRefusal(await push('empty.csv'), /empty/i);
  });

  it('a header with no data rows', async () => {
    expectOneLineRefusal(await push('header-only.csv'), /no data rows/);
  });

  it('a sheet without a required column', async () => {
    expectOneLineRefusal(await push('no-email.csv'), /email/i);
  });

  it('a bad --max-rps and a non-http base URL', async () => {
    expectOneLineRefusal(
      await push('users.csv', ['--max-rps', 'fast']),
      /--max-rps must be a number/,
    );
    expectOneLineRefusal(
      await runCliProcess(
        ['push', 'users.csv', '--target', 'zoom', '--kind', 'users', '--base-url', 'ftp://x'],
        { cwd: dir, env: env() },
      ),
      /--base-url must start with https/,
    );
  });

  it('leaves no run folder and no report behind after any refusal', async () => {
    await push('empty.csv', ['--report', 'out.csv']);
    await push('users.csv', ['--nope']);
    const entries = await readdir(dir);
    expect(entries).not.toContain('out.csv');
    expect(entries).not.toContain('data');
  });

  it('prints usage for --help and exits 0', async () => {
    const run = await runCliProcess(['--help'], { cwd: dir, env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('batchline push');
  });
});
