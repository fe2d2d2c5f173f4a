import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OpenFiles } from '../../../main/app/open-files';
import { editHandlers } from '../../../main/ipc/edit.ipc';
import { importHandlers } from '../../../main/ipc/import.ipc';
import { createRouter, type Handlers, type Router } from '../../../main/ipc/router';
import { silentLogger } from '../../../main/lib/logger';
import type { SerializedAppError } from '../../../shared/errors';
import type {
  EditResult,
  ImportPreview,
  ProblemView,
  ValidatedRowView,
  ValidationView,
} from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { getDataset } from '../../../shared/datasets/registry';
import { validateTable } from '../../../shared/validation/validate-table';

const caller = { trusted: true, description: 'test' };
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/e2e/users-with-errors.csv');
const HEADER = 'Work Email,Given Name,Surname,Ext,Direct Dial,Calling Plan,Site';

/** A Zoom users sheet: the header above, then one line per row (row 2 first). */
function sheet(...lines: string[]): string {
  return [HEADER, ...lines].join('\r\n');
}

function person(email: string, ext: number, phone = '', plan = 'US/CA Unlimited Calling'): string {
  return `${email},Given,Name,${ext},${phone},${plan},Main Office`;
}

describe('editing an open table (import:edit, import:transform, import:revert)', () => {
  let router: Router;
  let files: OpenFiles;
  let fileId: string;
  let checkArgs: Record<string, unknown>;

  const dispatch = (channel: string, args: unknown) => router.dispatch(channel, args, caller);
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const result = (await dispatch(channel, args)) as Result<T>;
    if (!result.ok) {
      throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    }
    return result.value;
  };
  const refusal = async (channel: string, args: unknown): Promise<SerializedAppError> => {
    const result = await dispatch(channel, args);
    if (result.ok) {
      throw new Error(`${channel} was expected to refuse`);
    }
    return result.error;
  };
  const open = async (text: string, country?: string): Promise<ValidationView> => {
    const preview = await call<ImportPreview>('import:open', {
      target: 'zoom',
      kind: 'users',
      fileName: 'users.csv',
      dataBase64: Buffer.from(text).toString('base64'),
    });
    fileId = preview.fileId;
    checkArgs = {
      target: 'zoom',
      kind: 'users',
      fileId,
      mapping: preview.suggestedMapping,
      ...(country ? { country } : {}),
    };
    return call<ValidationView>('import:validate', checkArgs);
  };
  const edit = (row: number, column: string, value: string) =>
    call<EditResult>('import:edit', { ...checkArgs, changes: [{ row, column, value }] });
  const rowView = async (row: number): Promise<ValidatedRowView> => {
    const page = await call<{ rows: ValidatedRowView[] }>('import:rows', {
      fileId,
      offset: 0,
      limit: 1000,
      only: 'all',
    });
    return page.rows.find((view) => view.row === row)!;
  };
  const problemsOf = async (row: number): Promise<ProblemView[]> => {
    const page = await call<{ items: ProblemView[] }>('import:problems', {
      fileId,
      offset: 0,
      limit: 1000,
    });
    return page.items.filter((item) => item.row === row);
  };

  beforeEach(() => {
    files = new OpenFiles();
    const handlers = { ...importHandlers(files), ...editHandlers(files) } as unknown as Handlers;
    router = createRouter(handlers, silentLogger);
  });

  it('an edit that fixes an invalid row moves it to valid and marks the cell as edited', async () => {
    const before = await open(await readFile(FIXTURE, 'utf8'));
    expect(before.counts).toMatchObject({ total: 12, valid: 8, invalid: 4 });
    expect(await problemsOf(4)).toHaveLength(1);

    const fixed = await edit(4, 'Work Email', 'bob.marsh@example.com');
    expect(fixed.changed).toBe(1);
    expect(fixed.validation.counts).toMatchObject({ total: 12, valid: 9, invalid: 3 });
    expect(fixed.validation.editedCells).toBe(1);
    expect(fixed.validation.problemRowCount).toBe(before.problemRowCount - 1);
    expect(await problemsOf(4)).toEqual([]);
    const row = await rowView(4);
    expect(row.cells[0]).toBe('bob.marsh@example.com');
    expect(row.issues).toEqual([]);
    expect(row.edited).toEqual([{ column: 0, from: 'bob@' }]);
  });

  it('changing the first of two duplicate emails clears the duplicate error on the other row', async () => {
    const view = await open(
      sheet(
        person('sam@example.com', 3001),
        person('sam@example.com', 3002),
        person('kim@example.com', 3003),
      ),
    );
    expect(view.counts).toMatchObject({ valid: 2, invalid: 1 });
    const duplicate = await problemsOf(3);
    expect(duplicate.map((problem) => problem.message).join(' ')).toMatch(/row 2/i);

    const after = await edit(2, 'Work Email', 'samantha@example.com');
    expect(after.validation.counts).toMatchObject({ valid: 3, invalid: 0 });
    expect(await problemsOf(3)).toEqual([]);
    expect((await rowView(3)).issues).toEqual([]);
  });

  it('an edit that creates a duplicate flags the other row too, and reverting it clears both', async () => {
    await open(sheet(person('sam@example.com', 3001), person('kim@example.com', 3002)));
    const clash = await edit(3, 'Work Email', 'SAM@example.com');
    expect(clash.validation.counts).toMatchObject({ valid: 1, invalid: 1 });
    const back = await call<EditResult>('import:revert', {
      ...checkArgs,
      cells: [{ row: 3, column: 'Work Email' }],
    });
    expect(back).toMatchObject({
      changed: 1,
      validation: { editedCells: 0, counts: { invalid: 0 } },
    });
    expect((await rowView(3)).edited).toBeUndefined();
  });

  it('find and replace counts the cells it changed, in all rows or only rows with problems', async () => {
    await open(
      sheet(
        person('a@example.com', 3001),
        person('b@', 3002),
        person('c@example.com', 3003),
        person('d@', 3004),
      ),
    );
    const replace = {
      kind: 'replace',
      find: 'main office',
      replace: 'HQ',
      matchCase: false,
      wholeCell: true,
    };
    const onlyProblems = await call<EditResult>('import:transform', {
      ...checkArgs,
      column: 'Site',
      op: replace,
      scope: 'problems',
    });
    expect(onlyProblems.changed).toBe(2);
    expect((await rowView(2)).cells[6]).toBe('Main Office');
    expect((await rowView(3)).cells[6]).toBe('HQ');

    const everywhere = await call<EditResult>('import:transform', {
      ...checkArgs,
      column: 'Site',
      op: replace,
      scope: 'all',
    });
    expect(everywhere).toMatchObject({ changed: 2, left: 0, validation: { editedCells: 4 } });

    const emails = await call<EditResult>('import:transform', {
      ...checkArgs,
      column: 'Work Email',
      op: {
        kind: 'replace',
        find: '@',
        replace: '@example.org',
        matchCase: true,
        wholeCell: false,
      },
      scope: 'problems',
    });
    expect(emails.changed).toBe(2);
    expect(emails.validation.counts).toMatchObject({ valid: 4, invalid: 0 });
  });

  it('normalises phone numbers to E.164 with the default country and leaves what Excel damaged', async () => {
    await open(
      sheet(
        person('a@example.com', 3001, '(415) 555-0100'),
        person('b@example.com', 3002, '1.4155E+10'),
        person('c@example.com', 3003, '+14155550102'),
      ),
      'US',
    );
    const result = await call<EditResult>('import:transform', {
      ...checkArgs,
      column: 'Direct Dial',
      op: { kind: 'e164' },
      scope: 'all',
    });
    expect(result).toMatchObject({ changed: 1, left: 1 });
    expect((await rowView(2)).cells[4]).toBe('+14155550100');
    expect((await rowView(3)).cells[4]).toBe('1.4155E+10');
    expect((await rowView(3)).edited).toBeUndefined();
  });

  it('fills the empty cells of a column and trims whitespace', async () => {
    const view = await open(
      sheet(
        person('a@example.com', 3001, '', ''),
        `  b@example.com ,B,Two,3002,,US/CA Unlimited Calling,Remote`,
      ),
    );
    expect(view.counts.invalid).toBe(1);
    const filled = await call<EditResult>('import:transform', {
      ...checkArgs,
      column: 'Calling Plan',
      op: { kind: 'fill', value: 'US/CA Unlimited Calling', which: 'empty' },
      scope: 'all',
    });
    expect(filled).toMatchObject({ changed: 1, validation: { counts: { invalid: 0 } } });
    const trimmed = await call<EditResult>('import:transform', {
      ...checkArgs,
      column: 'Work Email',
      op: { kind: 'trim' },
      scope: 'all',
    });
    expect(trimmed.changed).toBe(1);
    expect((await rowView(3)).cells[0]).toBe('b@example.com');
  });

  it('undoes every edit at once', async () => {
    await open(await readFile(FIXTURE, 'utf8'));
    await edit(4, 'Work Email', 'bob.marsh@example.com');
    await edit(7, 'Ext', '2006');
    const undone = await call<EditResult>('import:revert', checkArgs);
    expect(undone).toMatchObject({ changed: 2, validation: { editedCells: 0 } });
    expect(undone.validation.counts).toMatchObject({ valid: 8, invalid: 4 });
    expect((await rowView(4)).cells[0]).toBe('bob@');
  });

  it('checks edits sent at once one after another, each answer counting the edits before it', async () => {
    await open(await readFile(FIXTURE, 'utf8'));
    const [first, second] = await Promise.all([
      edit(4, 'Work Email', 'bob.marsh@example.com'),
      edit(7, 'Ext', '2006'),
    ]);
    expect(first.validation).toMatchObject({ editedCells: 1, counts: { invalid: 3 } });
    expect(second.validation).toMatchObject({ editedCells: 2, counts: { invalid: 2 } });
  });

  it('refuses an unknown header or row, naming it, and changes nothing', async () => {
    await open(await readFile(FIXTURE, 'utf8'));
    const header = await refusal('import:edit', {
      ...checkArgs,
      changes: [
        { row: 4, column: 'Work Email', value: 'bob.marsh@example.com' },
        { row: 5, column: 'E-mail', value: 'x@example.com' },
      ],
    });
    expect(header).toMatchObject({
      code: 'USAGE',
      message: 'Row 5: users.csv has no column "E-mail".',
    });
    const row = await refusal('import:edit', {
      ...checkArgs,
      changes: [{ row: 99, column: 'Work Email', value: 'x@example.com' }],
    });
    expect(row).toMatchObject({ code: 'USAGE', message: 'Row 99 is not a data row of users.csv.' });
    const column = await refusal('import:transform', {
      ...checkArgs,
      column: 'Mobile',
      op: { kind: 'trim' },
      scope: 'all',
    });
    expect(column).toMatchObject({ code: 'USAGE', message: 'users.csv has no column "Mobile".' });
    expect((await rowView(4)).cells[0]).toBe('bob@');
    expect((await rowView(4)).edited).toBeUndefined();
  });

  it('refuses malformed edits before any handler runs', async () => {
    await open(await readFile(FIXTURE, 'utf8'));
    const emptyFind = await refusal('import:transform', {
      ...checkArgs,
      column: 'Site',
      op: { kind: 'replace', find: '', replace: 'x', matchCase: false, wholeCell: false },
      scope: 'all',
    });
    expect(emptyFind.code).toBe('IPC_INVALID_ARGS');
    const noChanges = await refusal('import:edit', { ...checkArgs, changes: [] });
    expect(noChanges.code).toBe('IPC_INVALID_ARGS');
  });
  it('edits of a big sheet checked on workers answer, edit after edit, what a full check does', async () => {
    // 20,000 rows: checked on worker threads; every 97th email repeats, every 89th is bad.
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      person(
        i % 97 === 5 ? 'u1@example.com' : i % 89 === 3 ? `u${i}@` : `u${i}@example.com`,
        10_000 + i,
      ),
    );
    await open(sheet(...lines), 'US');
    const dataset = getDataset('zoom', 'users', { defaultCountry: 'US' })!;
    const edits: [number, string, string][] = [
      [2, 'Work Email', 'u1@example.com'], // now the first holder: every repeat names row 2
      [9, 'Work Email', 'u9@example.com'], // ends a repeat
      [2, 'Work Email', 'fresh@example.com'], // the first holder moves on again
      [300, 'Ext', '10001'], // a repeated extension, on both rows
      [301, 'Ext', 'x'],
      [300, 'Ext', '10298'],
    ];
    for (const [row, column, value] of edits) {
      const { validation } = await edit(row, column, value);
      const full = validateTable(
        files.get(fileId),
        dataset,
        checkArgs.mapping as Record<string, string>,
      );
      const label = `after row ${row} ${column} = ${value}`;
      expect(validation.counts, label).toEqual(full.counts);
      expect(validation.problemCount, label).toBe(full.issues.length);
      const kept = files.review(fileId).validation.rowIssues;
      full.rows.forEach((checked, i) => expect(kept.get(i) ?? [], label).toEqual(checked.issues));
    }
    const edited = await edit(400, 'Work Email', 'u1@example.com');
    const again = await call<ValidationView>('import:validate', checkArgs);
    expect(edited.validation).toEqual(again);
  }, 60_000);
});
