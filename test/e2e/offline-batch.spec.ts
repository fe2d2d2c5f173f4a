import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchDay, parseBatchFile } from '../../shared/batch/batch-file';
import { closedPort } from '../helpers/closed-port';
import { useE2eSession } from './pages/e2e-session';
import { ReviewGridPage } from './pages/review-grid-page';
import { Screenshots } from './pages/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/users-with-errors.csv');
const OTHER = path.resolve(import.meta.dirname, '../fixtures/zoom-users/valid-25.csv');
const SOURCE = 'users-with-errors.csv';
const PORTSIP_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/portsip-users.csv');

// One numbered series for the whole spec: its tests run in order.
const shots = new Screenshots('offline-batch');

// The fixture's 12 people; rows 4, 7, 9 and 11 have one error each. The batch fixes row 4.
const TOTAL = 12;

describe('offline batches: save the prepared import, open it later and push', () => {
  const session = useE2eSession();

  it('saves a batch on Review, opens it with its source file and pushes it to the Sandbox', async () => {
    const { app, page, flow } = session();
    const grid = new ReviewGridPage(page);

    await flow.openToReview(app.url, FIXTURE);
    await grid.editCell(4, 'Work Email', 'bob.marsh@example.com');
    await grid.waitForCount('invalid', 3);
    expect(await flow.count('valid')).toBe(TOTAL - 3);
    await shots.take(page, 'review-with-an-edit');

    // Save batch… downloads <source>.batchline: the mapping, the edit, target and connection.
    const saved = await flow.download(page.getByTestId('save-batch'));
    expect(saved.fileName).toBe(`${SOURCE}.batchline`);
    const parsed = parseBatchFile(saved.text, saved.fileName);
    if (!parsed.ok) {
      throw new Error(parsed.error.message);
    }
    const batch = parsed.value;
    expect(batch).toMatchObject({
      target: 'zoom',
      kind: 'users',
      connectionId: 'sandbox-zoom',
      source: { fileName: SOURCE, size: (await readFile(FIXTURE)).length },
      mapping: { email: 'Work Email', extension_number: 'Ext' },
      edits: [{ row: 4, column: 'Work Email', from: 'bob@', to: 'bob.marsh@example.com' }],
    });

    // A new import, for another dataset: the batch switches the picker back to Zoom users.
    // Leaving the edited file asks first; the batch keeps the edit, so leave.
    await page.getByTestId('back-button').click();
    await flow.waitForStep('mapping');
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByTestId('back-button').click();
    expect(await asked).toBe(
      `Leave ${SOURCE} and lose 1 edited cell? Continue to Review and use “Save batch…” first to keep them.`,
    );
    await flow.waitForStep('start');
    await page.getByTestId('dataset-portsip-users').check();
    await dropFile(page, saved.fileName, saved.text);
    const panel = page.getByTestId('batch-source');
    await panel.waitFor();
    expect(await page.getByTestId('batch-description').textContent()).toBe(
      `Batch of Zoom Phone users prepared from ${SOURCE} on ${batchDay(batch.savedAt)}, 1 edit — choose ${SOURCE} to continue.`,
    );
    await shots.take(page, 'batch-waiting-for-its-file');
    // "Choose another file" drops the batch; the picker now shows the batch's dataset.
    await page.getByTestId('batch-cancel').click();
    await page.getByTestId('dataset-zoom-users').waitFor();
    expect(await page.getByTestId('dataset-zoom-users').isChecked()).toBe(true);
    // As if saved on another computer, for a connection this one does not have.
    const elsewhere = saved.text.replace('"sandbox-zoom"', '"zoom-head-office"');
    await dropFile(page, saved.fileName, elsewhere);
    await panel.waitFor();

    // Another sheet is refused, naming both files.
    await panel.getByTestId('file-input').setInputFiles(OTHER);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      `valid-25.csv is not the file this batch was prepared from`,
    );
    expect(await banner.getAttribute('data-error-code')).toBe('BATCH_INVALID');
    await shots.take(page, 'wrong-file-refused');

    // The right one lands on Review: the same counts, the edit applied and marked.
    await panel.getByTestId('file-input').setInputFiles(FIXTURE);
    await flow.waitForStep('review');
    await flow.reviewRowsLoaded();
    expect(await flow.count('rows')).toBe(TOTAL);
    expect(await flow.count('valid')).toBe(TOTAL - 3);
    expect(await flow.count('invalid')).toBe(3);
    const email = await grid.waitForCell(4, 'Work Email', {
      edited: true,
      text: 'bob.marsh@example.com',
    });
    expect(await email.getAttribute('data-issue')).toBeNull();
    expect(await page.getByTestId('batch-notice').textContent()).toContain(
      `Opened ${SOURCE}.batchline, prepared from ${SOURCE} on ${batchDay(batch.savedAt)}: 1 edit applied.`,
    );
    expect(await page.getByTestId('batch-notice').textContent()).toContain(
      'It was prepared for the connection “zoom-head-office”, which this computer does not have; pushes go to Sandbox · Zoom Phone unless you choose another above.',
    );
    expect(await flow.connectionBadge().textContent()).toContain('Sandbox');
    await shots.take(page, 'review-from-the-batch');

    await flow.plan();
    expect(await flow.planCount('create')).toBe(TOTAL - 3);
    expect(await flow.planCount('invalid')).toBe(3);
    expect(await page.getByTestId('save-batch').isEnabled()).toBe(true);
    await shots.take(page, 'plan');

    await flow.pushButton().click();
    await flow.waitForStep('results');
    expect(await flow.tile('created')).toBe(TOTAL - 3);
    expect(await flow.tile('invalid')).toBe(3);
    expect(await flow.tile('failed')).toBe(0);
    await shots.take(page, 'results');
  });
});

describe('offline batches: a target that cannot be reached', () => {
  const session = useE2eSession();

  it('says the connection cannot be reached, and the batch can still be saved', async () => {
    const { app, page, flow } = session();

    // A PBX that is not there (nothing listens on its port), as when working offline.
    await flow.open(app.url);
    await page.getByTestId('nav-connections').click();
    await page.getByLabel('Name').fill('Branch PBX');
    await page.getByLabel('PBX base URL').fill(`http://127.0.0.1:${await closedPort()}`);
    await page.getByLabel('Access token').fill('branch-token');
    await page.getByTestId('connection-save').click();
    await page.locator('[data-testid^="connection-row-portsip-"]').waitFor();

    await page.getByTestId('nav-import').click();
    await page.getByTestId('dataset-portsip-users').check();
    await flow
      .connectionBadge()
      .locator('select')
      .selectOption({ label: 'Branch PBX — live tenant' });
    await flow.chooseFile(PORTSIP_FIXTURE);
    await flow.waitForStep('mapping');
    await flow.continueToReview();
    await flow.planButton().click();
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-error-code')).toBe('NETWORK');
    const said = (await banner.textContent()) ?? '';
    expect(said).toContain('Branch PBX cannot be reached (');
    expect(said).toContain('cannot connect (ECONNREFUSED)');
    expect(said).toContain('Nothing was sent, and your batch is kept: use “Save batch…”');
    await flow.waitForStep('review');
    await shots.take(page, 'target-unreachable');

    // Saving the batch needs no network; it names the connection by id, never its token.
    const saved = await flow.download(page.getByTestId('save-batch'));
    const parsed = parseBatchFile(saved.text, saved.fileName);
    expect(parsed.ok && parsed.value.connectionId).toMatch(/^portsip-/);
    expect(saved.text).not.toContain('branch-token');
  });
});

/** Drops a text file on the start screen's drop zone, as dragging it from the desktop does. */
async function dropFile(
  page: ReturnType<ReturnType<typeof useE2eSession>>['page'],
  name: string,
  text: string,
): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ fileName, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      return transfer;
    },
    { fileName: name, content: text },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}
