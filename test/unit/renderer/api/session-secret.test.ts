import { describe, expect, it } from 'vitest';
import {
  SECRET_STORAGE_KEY,
  takeSessionSecret,
  type SecretSources,
} from '../../../../renderer/api/session-secret';

function sources(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [[SECRET_STORAGE_KEY, stored]]);
  const replaced: string[] = [];
  const value: SecretSources = {
    location: { hash, pathname: '/', search: '' },
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, item) => void storage.set(key, item),
    },
    history: {
      state: null,
      replaceState: (_state, _unused, url) => void replaced.push(String(url)),
    },
  };
  return { value, storage, replaced };
}

describe('takeSessionSecret', () => {
  it('moves the secret from the fragment to sessionStorage and clears the address bar', () => {
    const { value, storage, replaced } = sources('#k=abc_DEF-123');
    expect(takeSessionSecret(value)).toBe('abc_DEF-123');
    expect(storage.get(SECRET_STORAGE_KEY)).toBe('abc_DEF-123');
    expect(replaced).toEqual(['/']);
  });

  it('keeps other fragment parameters', () => {
    const { value, replaced } = sources('#k=abc&view=jobs');
    takeSessionSecret(value);
    expect(replaced).toEqual(['/#view=jobs']);
  });

  it('falls back to sessionStorage after a reload, and to null when there is none', () => {
    expect(takeSessionSecret(sources('', 'stored').value)).toBe('stored');
    expect(takeSessionSecret(sources('#view=jobs').value)).toBeNull();
  });

  it('a new secret in the fragment replaces a stale stored one', () => {
    const { value, storage } = sources('#k=new', 'old');
    expect(takeSessionSecret(value)).toBe('new');
    expect(storage.get(SECRET_STORAGE_KEY)).toBe('new');
  });
});
