// Pure decisions (no `electron` import) for where a renderer may go: electron-main applies
// them to every WebContents, and the unit tests check each case without Electron.
// Electron security checklist §13 (navigation), §14 (new windows), §15 (openExternal).
import type { Logger } from '../lib/logger';
import { isAppUrl } from './app-origin';

/**
 * The only places the desktop app hands to the system browser: the vendors' documentation
 * and help sites an admin may be pointed to. Exact host names, https only, default port.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'developers.zoom.us',
  'marketplace.zoom.us',
  'support.zoom.com',
  'developer.webex.com',
  'help.webex.com',
  'www.portsip.com',
];

/** Why a URL was refused; logged, never shown to the renderer. */
export type RefusedBecause =
  | 'not a URL'
  | 'not our origin'
  | 'not https'
  | 'has credentials'
  | 'non-default port'
  | 'host not on the allow-list';

/** What a policy decided for one URL. */
export type UrlVerdict = { allowed: true } | { allowed: false; reason: RefusedBecause };

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * A short, credential-free form of a URL for logs: scheme, host and at most 80 characters of
 * path. Never the query or fragment (tokens travel there), never user:password, never the
 * body of a `javascript:` or `data:` URL.
 */
export function describeUrlForLog(raw: string): string {
  const url = parse(raw);
  if (url === null) {
    return '(not a URL)';
  }
  // javascript:, data:, blob:, about:… have no host; their body may hold script or data.
  if (url.host === '' && url.protocol !== 'file:') {
    return url.protocol;
  }
  return `${url.protocol}//${url.host}${url.pathname.slice(0, 80)}`;
}

/**
 * Whether a frame may navigate (or be redirected) to `raw`: only within app://batchline.
 *
 * Everything else — `javascript:`, `file:`, `data:`, `blob:`, remote http(s), another app://
 * host — is refused; the renderer is a single page and never needs to leave it.
 */
export function decideNavigation(raw: string): UrlVerdict {
  if (parse(raw) === null) {
    return { allowed: false, reason: 'not a URL' };
  }
  return isAppUrl(raw) ? { allowed: true } : { allowed: false, reason: 'not our origin' };
}

/**
 * Whether `raw` may be opened in the system browser: https, no credentials, default port,
 * and a host on {@link EXTERNAL_LINK_HOSTS}. Anything else (http:, file:, smb:, custom
 * protocol handlers, look-alike hosts) would let a compromised renderer launch programs.
 */
export function decideExternalLink(raw: string): UrlVerdict {
  const url = parse(raw);
  if (url === null) {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:') {
    return { allowed: false, reason: 'not https' };
  }
  if (url.username !== '' || url.password !== '') {
    return { allowed: false, reason: 'has credentials' };
  }
  if (url.port !== '') {
    return { allowed: false, reason: 'non-default port' };
  }
  if (!EXTERNAL_LINK_HOSTS.includes(url.hostname)) {
    return { allowed: false, reason: 'host not on the allow-list' };
  }
  return { allowed: true };
}

/** The part of a will-navigate / will-redirect event the guard touches. */
export interface NavigationEventLike {
  url: string;
  preventDefault(): void;
}

/**
 * The will-navigate / will-redirect guard: refuses and logs anything {@link decideNavigation}
 * refuses. Returns whether the navigation was allowed.
 */
export function guardNavigation(event: NavigationEventLike, log: Logger): boolean {
  const verdict = decideNavigation(event.url);
  if (!verdict.allowed) {
    event.preventDefault();
    log.warn('navigation.blocked', { url: describeUrlForLog(event.url), reason: verdict.reason });
  }
  return verdict.allowed;
}

/**
 * Opens an allow-listed link in the system browser (`open` is `shell.openExternal`); any
 * other URL is refused and logged. Returns whether it was handed over.
 */
export function openExternalIfAllowed(
  raw: string,
  open: (url: string) => Promise<void>,
  log: Logger,
): boolean {
  const verdict = decideExternalLink(raw);
  if (!verdict.allowed) {
    log.warn('external-link.blocked', { url: describeUrlForLog(raw), reason: verdict.reason });
    return false;
  }
  open(raw).catch((caught: unknown) =>
    log.warn('external-link.failed', {
      url: describeUrlForLog(raw),
      message: caught instanceof Error ? caught.message : String(caught),
    }),
  );
  return true;
}

/**
 * The setWindowOpenHandler policy: no window is ever created. A link to an allow-listed
 * help page goes to the system browser instead; everything else is refused and logged.
 */
export function handleWindowOpen(
  raw: string,
  open: (url: string) => Promise<void>,
  log: Logger,
): { action: 'deny' } {
  const verdict = decideExternalLink(raw);
  if (verdict.allowed) {
    openExternalIfAllowed(raw, open, log);
  } else {
    log.warn('window-open.blocked', { url: describeUrlForLog(raw), reason: verdict.reason });
  }
  return { action: 'deny' };
}
