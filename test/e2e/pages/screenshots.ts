import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

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
    this.count += 1;
    const file = path.join(this.dir, `${String(this.count).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file });
    return file;
  }
}
