/** A base URL as main keeps it, or why it was refused. */
export type BaseUrlCheck = { ok: true; url: string; host: string } | { ok: false; message: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a connection's API base URL: https, or http only on this computer (127.0.0.1 or
 * localhost, where the simulators run); no user name or password inside it (credentials go
 * to the keychain, never into settings.json), no query or fragment.
 *
 * Pure, so the form can say the same thing main will before anything is sent.
 */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not echoed: a pasted token is not a URL either.
    return {
      ok: false,
      message: 'The base URL is not a URL; enter one like https://pbx.example.com:8887.',
    };
  }
  if (url.username !== '' || url.password !== '') {
    // The text is not echoed: it holds a credential.
    return {
      ok: false,
      message:
        'The base URL contains a user name or password; remove it and enter the credential in its own field.',
    };
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return {
      ok: false,
      message: `Use https for ${url.hostname}: plain http is only allowed for 127.0.0.1 and localhost (local simulators).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `The base URL must start with https:// (not ${url.protocol}).` };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: 'The base URL must not have a query (?…) or fragment (#…).' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}`, host: url.host };
}
