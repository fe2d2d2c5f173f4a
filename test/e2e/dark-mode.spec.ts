import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/users-with-errors.csv');

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('dark appearance', () => {
  const session = useE2eSession({ colorScheme: 'dark' });

  it('follows the system dark setting on every screen', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('dark-mode');
    await flow.open(app.url);
    expect(
      luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)),
    ).toBeLessThan(0.2);
    await shots.take(page, 'start');
    await flow.chooseFile(FIXTURE);
    await flow.waitForStep('mapping');
    await shots.take(page, 'mapping');
    await flow.continueToReview();
    await shots.take(page, 'review');
    await flow.planAndPush();
    await flow.waitForStep('results');
    await shots.take(page, 'results');
  });
});
