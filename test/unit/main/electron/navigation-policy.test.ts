import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_LINK_HOSTS,
  decideExternalLink,
  decideNavigation,
  describeUrlForLog,
  guardNavigation,
  handleWindowOpen,
  openExternalIfAllowed,
} from '../../../../main/electron/navigation-policy';
import { createLogger } from '../../../../main/lib/logger';

// BAD-INPUTS case 33 (window.open, navigation to javascript:/file:, non-https openExternal):
// the pure rules electron-main applies to every WebContents.

function recorder() {
  const lines: string[] = [];
  const opened: string[] = [];
  return {
    lines,
    opened,
    log: createLogger((line) => lines.push(line)),
    open: (url: string) => {
      opened.push(url);
      return Promise.resolve();
    },
  };
}

function navigation(url: string) {
  const event = { url, prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

const HOSTILE_NAVIGATIONS: [string, string][] = [
  ['javascript:alert(document.cookie)', 'javascript:'],
  ['JaVaScRiPt:alert(1)', 'javascript:'],
  ['file:///etc/passwd', 'file://'],
  ['file:///C:/Windows/System32/calc.exe', 'file://'],
  ['data:text/html,<script>alert(1)</script>', 'data:'],
  ['blob:app://batchline/0b5d2c1e', 'blob:'],
  ['https://evil.example/login?access_token=leak-me', 'https://evil.example/login'],
  ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/'],
  ['app://other/index.html', 'app://other/index.html'],
  ['app://user:pw@batchline/index.html', 'app://batchline/index.html'],
  ['about:blank', 'about:'],
  ['chrome://settings', 'chrome://settings'],
  ['devtools://devtools/bundled/inspector.html', 'devtools://devtools'],
  ['not a url', '(not a URL)'],
];

describe('decideNavigation (will-navigate, will-redirect)', () => {
  it('allows only our own app://batchline pages', () => {
    expect(decideNavigation('app://batchline/index.html')).toEqual({ allowed: true });
    expect(decideNavigation('app://batchline/#/runs')).toEqual({ allowed: true });
  });

  it.each(HOSTILE_NAVIGATIONS)('refuses %s', (url) => {
    expect(decideNavigation(url).allowed).toBe(false);
  });

  it('prevents and logs every refused navigation, without query, fragment or script text', () => {
    for (const [url, logged] of HOSTILE_NAVIGATIONS) {
      const { lines, log } = recorder();
      const event = navigation(url);
      expect(guardNavigation(event, log), url).toBe(false);
      expect(event.prevented, url).toBe(true);
      expect(lines, url).toHaveLength(1);
      const line = JSON.parse(lines[0] ?? '{}') as { event: string; url: string; level: string };
      expect(line).toMatchObject({ event: 'navigation.blocked', level: 'warn' });
      expect(line.url.startsWith(logged), `${url} logged as ${line.url}`).toBe(true);
      for (const leak of ['leak-me', 'cookie', '<script>', 'pw@', 'alert']) {
        expect(lines[0], url).not.toContain(leak);
      }
    }
  });

  it('lets our own navigation through silently', () => {
    const { lines, log } = recorder();
    const event = navigation('app://batchline/index.html');
    expect(guardNavigation(event, log)).toBe(true);
    expect(event.prevented).toBe(false);
    expect(lines).toEqual([]);
  });
});

describe('decideExternalLink (shell.openExternal)', () => {
  it('allows https links to the allow-listed help and docs hosts', () => {
    for (const host of EXTERNAL_LINK_HOSTS) {
      expect(decideExternalLink(`https://${host}/docs/page?x=1#y`), host).toEqual({
        allowed: true,
      });
    }
  });

  it.each([
    ['http://developers.zoom.us/docs/', 'not https'],
    ['file:///etc/passwd', 'not https'],
    ['javascript:alert(1)', 'not https'],
    ['smb://attacker.example/share/evil.exe', 'not https'],
    ['ms-msdt:/id PCWDiagnostic', 'not https'],
    ['vscode://file/etc/passwd', 'not https'],
    ['data:text/html,hi', 'not https'],
    ['https://user:pw@developers.zoom.us/', 'has credentials'],
    ['https://developers.zoom.us:8443/', 'non-default port'],
    ['https://evil.example/', 'host not on the allow-list'],
    ['https://developers.zoom.us.evil.example/', 'host not on the allow-list'],
    ['https://zoom.us/oauth/token', 'host not on the allow-list'],
    ['https://127.0.0.1/', 'host not on the allow-list'],
    ['nonsense', 'not a URL'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(decideExternalLink(url)).toEqual({ allowed: false, reason });
  });

  it('hands only allowed links to the opener and logs refusals', () => {
    const { lines, opened, log, open } = recorder();
    expect(openExternalIfAllowed('https://developer.webex.com/docs', open, log)).toBe(true);
    expect(openExternalIfAllowed('http://developer.webex.com/docs?token=leak-me', open, log)).toBe(
      false,
    );
    expect(openExternalIfAllowed('file:///bin/sh', open, log)).toBe(false);
    expect(opened).toEqual(['https://developer.webex.com/docs']);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.includes('"event":"external-link.blocked"'))).toBe(true);
    expect(lines.join('\n')).not.toContain('leak-me');
  });

  it('logs an opener that fails instead of throwing', async () => {
    const { lines, log } = recorder();
    const failing = () => Promise.reject(new Error('no browser'));
    expect(openExternalIfAllowed('https://help.webex.com/', failing, log)).toBe(true);
    await expect.poll(() => lines.join('\n')).toContain('external-link.failed');
  });
});

describe('handleWindowOpen (setWindowOpenHandler)', () => {
  it('never creates a window: everything is denied, refusals logged', () => {
    const { lines, opened, log, open } = recorder();
    for (const url of [
      'app://batchline/index.html',
      'about:blank',
      'javascript:alert(1)',
      'https://evil.example/',
    ]) {
      expect(handleWindowOpen(url, open, log), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.includes('"event":"window-open.blocked"'))).toBe(true);
  });

  it('sends an allow-listed help link to the system browser, still denying the window', () => {
    const { lines, opened, log, open } = recorder();
    expect(handleWindowOpen('https://developers.zoom.us/docs/api/', open, log)).toEqual({
      action: 'deny',
    });
    expect(opened).toEqual(['https://developers.zoom.us/docs/api/']);
    expect(lines).toEqual([]);
  });
});

describe('describeUrlForLog', () => {
  it('keeps scheme, host and a short path only', () => {
    expect(describeUrlForLog('https://a.example/p?access_token=x#frag')).toBe(
      'https://a.example/p',
    );
    expect(describeUrlForLog(`https://a.example/${'x'.repeat(500)}`)).toHaveLength(
      'https://a.example'.length + 80,
    );
    expect(describeUrlForLog('data:text/plain;base64,c2VjcmV0')).toBe('data:');
  });
});
