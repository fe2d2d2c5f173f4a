/** Where the browser-mode secret lives after the first load: per tab, gone when the tab closes. */
export const SECRET_STORAGE_KEY = 'batchline.secret';

/** The few browser objects {@link takeSessionSecret} touches; injectable for tests. */
export interface SecretSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/**
 * Reads browser mode's per-launch secret, moving it out of the address bar.
 *
 * The server prints `http://127.0.0.1:<port>/#k=<secret>`. The fragment never reaches a
 * server or its logs; here it is copied to sessionStorage (so a reload still works) and
 * removed from the URL with replaceState, so it is not in history, bookmarks or screenshots.
 * Other fragment parameters are kept for the UI. Returns null when there is no secret (the
 * page was opened by hand): every request then fails with IPC_FORBIDDEN.
 */
export function takeSessionSecret(sources: SecretSources): string | null {
  const { location, storage, history } = sources;
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = params.get('k');
  if (fromHash !== null && fromHash !== '') {
    try {
      storage.setItem(SECRET_STORAGE_KEY, fromHash);
    } catch {
      // Storage can be disabled; the secret still works for this page's lifetime.
    }
    params.delete('k');
    const rest = params.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromHash;
  }
  try {
    return storage.getItem(SECRET_STORAGE_KEY);
  } catch {
    return null;
  }
}
