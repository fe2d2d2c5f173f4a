import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const OUTPUT = path.resolve(import.meta.dirname, '../../../test-output/screenshots');

/**
 * Numbered screenshots for one spec: test-output/screenshots/<spec>/<nn>-<step>.png.
 *
 * They are for people to look at (layout, wording), not compared pixel by pixel.
 */
export class Screenshots {
  private count = 0;
  private readonly dir: string;

  constructor(spec: string) {
    this.dir = path.join(OUTPUT, spec);
    mkdirSync(this.dir, { recursive: true });
  }

  /** Saves the viewport as the next numbered shot and returns its path. */
  async take(page: Page, step: string): Promise<string> {
    const file = this.next(step);
    await page.screenshot({ path: file });
    return file;
  }

  /** Saves one element (a panel, a dialog) as the next numbered shot, for a closer look. */
  async takeElement(element: Locator, step: string): Promise<string> {
    const file = this.next(step);
    await element.screenshot({ path: file });
    return file;
  }

  private next(step: string): string {
    this.count += 1;
    return path.join(this.dir, `${String(this.count).padStart(2, '0')}-${step}.png`);
  }
}
