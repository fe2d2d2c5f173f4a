import { describe, expect, it } from 'vitest';
import { validUsersCsv } from '../helpers/users-csv';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

// Enough users that the Sandbox's rate limit keeps the push running for many seconds.
const USERS = 2_000;

describe('cancelling a push', () => {
  const session = useE2eSession();

  it('stops the push and shows what was done, with the rest not sent', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('cancel-push');
    await flow.open(app.url);
    await flow.chooseFile({
      name: 'cohort.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(validUsersCsv(USERS), 'utf8'),
    });
    await flow.waitForStep('mapping');
    await flow.continueToReview();
    expect(await flow.count('valid')).toBe(USERS);

    await flow.planAndPush();
    await flow.waitForStep('run');
    // Wait until some rows are done, so the cancel lands in the middle of the run.
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) >
        0,
    );
    await shots.take(page, 'running');
    expect(await page.getByTestId('back-button').isDisabled()).toBe(true);

    await page.getByTestId('cancel-run').click();
    await flow.waitForStep('results');
    expect(await page.getByTestId('results-title').getAttribute('data-state')).toBe('cancelled');
    const created = await flow.tile('created');
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThan(USERS);
    await shots.take(page, 'cancelled');
  });
});
