import type { Locator, Page } from 'playwright-core';

/** How a test opens a cell's editor: the mouse, or the keyboard on a focused cell. */
export type EditGesture = 'double-click' | 'enter' | 'f2';

/** A column tool as the Column tools panel offers it. */
export type ColumnToolOptions =
  | {
      action: 'replace';
      find: string;
      replace: string;
      matchCase?: boolean;
      wholeCell?: boolean;
    }
  | { action: 'trim' }
  | { action: 'fill'; value: string; which?: 'empty' | 'all' }
  | { action: 'e164' };

/**
 * Editing in the review grid as a test drives it: cells by source row number and header,
 * waits on what the screen shows (an edited mark, a count), never on time.
 */
export class ReviewGridPage {
  constructor(readonly page: Page) {}

  private grid(): Locator {
    return this.page.getByTestId('source-grid');
  }

  /** The index of a source column by its header (the row-number column comes first). */
  async columnIndex(header: string): Promise<number> {
    const headers = await this.grid().getByRole('columnheader').allTextContents();
    const index = headers.indexOf(header) - 1;
    if (index < 0) {
      throw new Error(`No column "${header}" in the review table (${headers.join(', ')})`);
    }
    return index;
  }

  /** One source cell, by row number and header. */
  async cell(row: number, header: string): Promise<Locator> {
    const index = await this.columnIndex(header);
    return this.grid().locator(`[role="row"][data-row="${row}"] [data-column="c${index}"]`);
  }

  /** The open cell editor. */
  editor(): Locator {
    return this.page.getByTestId('cell-editor');
  }

  /** Opens a cell's editor with `gesture` and returns the editor. */
  async openEditor(row: number, header: string, gesture: EditGesture): Promise<Locator> {
    const cell = await this.cell(row, header);
    if (gesture === 'double-click') {
      await cell.dblclick();
    } else {
      await cell.click();
      await cell.press(gesture === 'enter' ? 'Enter' : 'F2');
    }
    await this.editor().waitFor();
    return this.editor();
  }

  /** Types `value` into a cell and commits it with Enter; waits until main has checked it. */
  async editCell(
    row: number,
    header: string,
    value: string,
    gesture: EditGesture = 'double-click',
  ): Promise<void> {
    const editor = await this.openEditor(row, header, gesture);
    await editor.fill(value);
    await editor.press('Enter');
    await this.waitForCell(row, header, { edited: true, text: value });
  }

  /**
   * Waits until a cell shows `text` (when given) and is marked edited or not: main has
   * answered and the row has been loaded again.
   */
  async waitForCell(
    row: number,
    header: string,
    state: { edited: boolean; text?: string },
  ): Promise<Locator> {
    const cell = await this.cell(row, header);
    const marked = state.edited ? '[data-edited="true"]' : ':not([data-edited])';
    const index = await this.columnIndex(header);
    await this.page.waitForFunction(
      ({ selector, text }) => {
        const found = document.querySelector(selector);
        return found !== null && (text === undefined || found.textContent === text);
      },
      {
        selector: `[data-testid="source-grid"] [role="row"][data-row="${row}"] [data-column="c${index}"]${marked}`,
        text: state.text,
      },
    );
    await this.settled();
    return cell;
  }

  /** Waits until no edit is waiting for main's answer. */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="review-step"][data-pending-edits="0"]').waitFor();
  }

  /** Waits until a review count (valid, invalid…) reads `value`. */
  async waitForCount(name: 'valid' | 'invalid' | 'warnings', value: number): Promise<void> {
    await this.page.waitForFunction(
      ({ testId, expected }) =>
        document
          .querySelector(`[data-testid="${testId}"] .stat-value`)
          ?.textContent?.replace(/[^\d]/g, '') === String(expected),
      { testId: `count-${name}`, expected: value },
    );
  }

  /** "4 cells edited", or '' when nothing is edited. */
  async editedCount(): Promise<string> {
    const count = this.page.getByTestId('edited-count');
    return (await count.count()) === 0 ? '' : ((await count.textContent()) ?? '');
  }

  /** Opens the Column tools panel if it is closed. */
  async openColumnTools(): Promise<Locator> {
    const panel = this.page.getByTestId('column-tools');
    if ((await panel.count()) === 0) {
      await this.page.getByTestId('column-tools-toggle').click();
    }
    await panel.waitFor();
    return panel;
  }

  /**
   * Runs a column tool on `column` for all rows or only those with problems; returns what
   * the panel says it did ("1 cell changed.").
   */
  async applyColumnTool(
    column: string,
    tool: ColumnToolOptions,
    scope: 'all' | 'problems' = 'all',
  ): Promise<string> {
    const panel = await this.openColumnTools();
    await panel.getByTestId('tools-column').selectOption(column);
    await panel.getByTestId('tools-action').selectOption(tool.action);
    if (tool.action === 'replace') {
      await panel.getByTestId('tools-find').fill(tool.find);
      await panel.getByTestId('tools-replace').fill(tool.replace);
      await panel.getByTestId('tools-matchCase').setChecked(tool.matchCase ?? false);
      await panel.getByTestId('tools-wholeCell').setChecked(tool.wholeCell ?? false);
    } else if (tool.action === 'fill') {
      await panel.getByTestId('tools-fillValue').fill(tool.value);
      await panel.getByTestId('tools-fillWhich').selectOption(tool.which ?? 'empty');
    }
    await panel.getByTestId(`tools-scope-${scope}`).check();
    await panel.getByTestId('tools-apply').click();
    const outcome = panel.getByTestId('tools-outcome');
    await this.page.waitForFunction(() =>
      /changed/.test(document.querySelector('[data-testid="tools-outcome"]')?.textContent ?? ''),
    );
    await this.settled();
    return (await outcome.textContent()) ?? '';
  }

  /** Focuses a cell and puts it back to the file's value through the selected-cell bar. */
  async revertCell(row: number, header: string): Promise<void> {
    await (await this.cell(row, header)).click();
    await this.page.getByTestId('cell-revert').click();
    await this.waitForCell(row, header, { edited: false });
  }

  async undoAll(): Promise<void> {
    await this.page.getByTestId('undo-all-edits').click();
    await this.page.getByTestId('edited-count').waitFor({ state: 'detached' });
    await this.settled();
  }
}
