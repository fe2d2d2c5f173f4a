import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('credentials kept for the session only', () => {
  const session = useE2eSession();

  it('says so under the app bar in browser mode, readable in light and dark', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('secret-notice');
    await flow.open(app.url);

    const notice = page.locator('[data-testid="keychain-notice"]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.getAttribute('data-keychain-mode')).toBe('session-only');
    expect((await notice.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'Credentials are kept for this session only: browser mode has no OS keychain.',
    );
    // It sits between the app bar and the page, not over either.
    const header = await page.locator('.app-header').boundingBox();
    const box = await notice.boundingBox();
    expect(header && box && box.y >= header.y + header.height - 1).toBe(true);
    const textColour = () => notice.evaluate((node) => getComputedStyle(node).color);
    expect(luminance(await textColour())).toBeLessThan(0.3);
    await shots.take(page, 'light');
    await shots.takeElement(notice, 'light-notice');

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(luminance(await textColour())).toBeGreaterThan(0.7);
    // The switch starts colour transitions (the drop zone's); shoot once they have ended.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await shots.take(page, 'dark');
    await shots.takeElement(notice, 'dark-notice');
  });
});
