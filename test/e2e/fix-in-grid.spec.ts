import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { ReviewGridPage } from './pages/review-grid-page';
import { Screenshots } from './pages/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/users-with-errors.csv');

// The fixture's 12 people; rows 4, 7, 9 and 11 have one error each (row = line in the file).
const TOTAL = 12;

describe('fixing a sheet in the review grid', () => {
  const session = useE2eSession();

  it('a file with errors is fixed in the grid, then pushed', async () => {
    const { app, page, flow } = session();
    const grid = new ReviewGridPage(page);
    const shots = new Screenshots('fix-in-grid');

    await flow.openToReview(app.url, FIXTURE);
    expect(await flow.count('invalid')).toBe(4);
    expect(await grid.editedCount()).toBe('');
    await shots.take(page, 'review-with-errors');

    // Row 4: a double-click opens the editor; Enter saves; main checks the table again.
    const editor = await grid.openEditor(4, 'Work Email', 'double-click');
    expect(await editor.inputValue()).toBe('bob@');
    expect(await editor.getAttribute('aria-label')).toBe('Row 4, Work Email');
    await editor.fill('bob.marsh@example.com');
    await shots.take(page, 'editing-a-cell');
    await editor.press('Enter');
    const email = await grid.waitForCell(4, 'Work Email', {
      edited: true,
      text: 'bob.marsh@example.com',
    });
    await grid.waitForCount('invalid', 3);
    expect(await email.getAttribute('class')).toContain('grid-cell-edited');
    expect(await email.getAttribute('title')).toContain('Was: bob@');
    expect(await email.getAttribute('data-issue')).toBeNull();
    expect(await flow.problem(4).count()).toBe(0);
    expect(await grid.editedCount()).toBe('1 cell edited');
    // The keyboard stayed on the cell, and the bar above the grid says what it held.
    expect(await email.evaluate((cell) => cell === document.activeElement)).toBe(true);
    expect(await page.getByTestId('cell-bar-was').textContent()).toBe('Was: bob@');
    await shots.take(page, 'after-first-edit');

    // Row 7, by keyboard only: arrows to the Ext cell, F2, type, Enter.
    const given = await grid.cell(7, 'Given Name');
    await given.click();
    await given.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const ext = await grid.cell(7, 'Ext');
    expect(await ext.evaluate((cell) => cell === document.activeElement)).toBe(true);
    await page.keyboard.press('F2');
    await grid.editor().fill('2006');
    await page.keyboard.press('Enter');
    await grid.waitForCell(7, 'Ext', { edited: true, text: '2006' });
    await grid.waitForCount('invalid', 2);

    // Escape leaves a cell as it was.
    const escaped = await grid.openEditor(8, 'Surname', 'enter');
    await escaped.fill('Nobody');
    await escaped.press('Escape');
    await grid.editor().waitFor({ state: 'detached' });
    expect(await (await grid.cell(8, 'Surname')).textContent()).toBe('Haddad');

    // A mistaken edit, put back to the file's value from the selected-cell bar.
    await grid.editCell(2, 'Given Name', 'Avaa');
    expect(await grid.editedCount()).toBe('3 cells edited');
    await shots.take(page, 'edited-cell-selected');
    await grid.revertCell(2, 'Given Name');
    expect(await (await grid.cell(2, 'Given Name')).textContent()).toBe('Ava');
    expect(await grid.editedCount()).toBe('2 cells edited');

    // Row 9's empty calling plan: fill the column's empty cells.
    const filled = await grid.applyColumnTool('Calling Plan', {
      action: 'fill',
      value: 'US/CA Unlimited Calling',
      which: 'empty',
    });
    expect(filled).toBe('1 cell changed.');
    await grid.waitForCount('invalid', 1);
    await grid.waitForCell(9, 'Calling Plan', { edited: true, text: 'US/CA Unlimited Calling' });
    await shots.take(page, 'column-tools-fill');

    // Row 11's phone number: find and replace, whole cell, only rows with problems.
    const replaced = await grid.applyColumnTool(
      'Direct Dial',
      { action: 'replace', find: '555-0158', replace: '+12125550158', wholeCell: true },
      'problems',
    );
    expect(replaced).toBe('1 cell changed.');
    await grid.waitForCount('invalid', 0);
    await grid.waitForCell(11, 'Direct Dial', { edited: true, text: '+12125550158' });
    expect(await flow.count('valid')).toBe(TOTAL);
    expect(await grid.editedCount()).toBe('4 cells edited');
    expect(await page.getByTestId('invalid-note').count()).toBe(0);
    await shots.take(page, 'all-rows-valid');

    // New import (Ctrl+N) would lose the edits: it asks, and staying keeps them.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.getByRole('heading', { name: 'Review', level: 1 }).click();
    await page.keyboard.press('Control+n');
    expect(await asked).toBe(
      'Leave users-with-errors.csv and lose 4 edited cells? Use “Save batch…” first to keep them.',
    );
    await flow.waitForStep('review');
    expect(await grid.editedCount()).toBe('4 cells edited');

    await flow.planAndPush();
    await flow.waitForStep('results');
    expect(await flow.tile('created')).toBe(TOTAL);
    expect(await flow.tile('invalid')).toBe(0);
    expect(await flow.tile('failed')).toBe(0);
    await shots.take(page, 'results');

    // What was pushed is the edited sheet.
    const exported = await flow.download(page.getByTestId('export-all'));
    const parsed = Papa.parse<Record<string, string>>(exported.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    const bob = parsed.data.find((record) => record['Work Email'] === 'bob.marsh@example.com');
    expect(bob?.result_status).toBe('created');
    expect(parsed.data.every((record) => record.result_status === 'created')).toBe(true);
  });

  it('keeps edits when the mapping step is asked to read again or leave, then undoes every edit at once', async () => {
    const { app, page, flow } = session();
    const grid = new ReviewGridPage(page);
    await flow.openToReview(app.url, FIXTURE);
    await grid.editCell(4, 'Work Email', 'bob.marsh@example.com', 'f2');
    await grid.editCell(7, 'Ext', '2006', 'enter');
    await grid.waitForCount('invalid', 2);

    // Back on the mapping step, reading the file again or leaving it would drop the edits:
    // both ask first, and staying keeps them.
    const questions: string[] = [];
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByTestId('back-button').click();
    await flow.waitForStep('mapping');
    await page.getByTestId('delimiter-select').selectOption(';');
    await page.getByTestId('back-button').click();
    await expect.poll(() => questions.length).toBe(2);
    expect(questions).toEqual([
      'Read users-with-errors.csv again and lose 2 edited cells? Edits belong to the file as it is read now; continue to Review and use “Save batch…” first to keep them.',
      'Leave users-with-errors.csv and lose 2 edited cells? Continue to Review and use “Save batch…” first to keep them.',
    ]);
    expect(await page.getByTestId('delimiter-select').inputValue()).toBe(',');
    await flow.waitForStep('mapping');
    await flow.continueToReview();
    expect(await grid.editedCount()).toBe('2 cells edited');
    page.removeAllListeners('dialog');

    await grid.undoAll();
    await grid.waitForCount('invalid', 4);
    await grid.waitForCell(4, 'Work Email', { edited: false, text: 'bob@' });
    expect(await grid.editedCount()).toBe('');
  });
});
