import { describe, expect, it } from 'vitest';
import { SecretStore } from '../../../../../main/services/settings/secret-store';
import { storedTokenSource } from '../../../../../main/services/settings/stored-token-source';
import { AppError } from '../../../../../shared/errors';

// A saved connection's TokenSource reads its credential from the secret store at each use;
// the store here is session-only (in memory), which behaves the same for reading.

const OAUTH_URL = 'http://oauth.test/oauth/token';

/** A token endpoint that records the Basic credentials it was sent and numbers its tokens. */
function tokenEndpoint() {
  const seen: string[] = [];
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    const basic = new Headers(init?.headers).get('authorization') ?? '';
    seen.push(Buffer.from(basic.replace(/^Basic /, ''), 'base64').toString('utf8'));
    return Response.json({ access_token: `minted-${seen.length}`, expires_in: 3600 });
  }) as typeof fetch;
  return { seen, fetchImpl };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (caught: unknown) => caught as AppError,
  );

describe('storedTokenSource', () => {
  it('reads a bearer token at each use, so a changed credential applies at once', async () => {
    const store = SecretStore.sessionOnly('test');
    const source = storedTokenSource(store, 'webex-live');
    await store.set('webex-live', { kind: 'bearer', token: 'first' });
    expect(await source.current()).toBe('first');
    await store.set('webex-live', { kind: 'bearer', token: 'second' });
    expect(await source.current()).toBe('second');
    // A refused token that has since been replaced: the new one; the same one: sign-in needed.
    expect(await source.refresh?.('first')).toBe('second');
    const refused = await refusal(source.refresh?.('second') ?? Promise.resolve());
    expect(refused).toBeInstanceOf(AppError);
    expect(refused?.code).toBe('AUTH_EXPIRED');
    expect(refused?.message).not.toContain('second');
  });

  it('says a credential is missing (AUTH_MISSING) when none is saved or it was deleted', async () => {
    const store = SecretStore.sessionOnly('test');
    const source = storedTokenSource(store, 'zoom-live');
    expect((await refusal(source.current()))?.code).toBe('AUTH_MISSING');
    await store.set('zoom-live', { kind: 'bearer', token: 'tok' });
    await store.delete('zoom-live');
    expect((await refusal(source.current()))?.code).toBe('AUTH_MISSING');
  });

  it('signs in with saved Zoom OAuth credentials, once, and again only when they change', async () => {
    const store = SecretStore.sessionOnly('test');
    const { seen, fetchImpl } = tokenEndpoint();
    const source = storedTokenSource(store, 'zoom-oauth', {
      oauthUrl: OAUTH_URL,
      fetch: fetchImpl,
    });
    const credentials = { accountId: 'acct', clientId: 'cid', clientSecret: 'cs-1' };
    await store.set('zoom-oauth', { kind: 'zoom-oauth', ...credentials });
    expect(await source.current()).toBe('minted-1');
    expect(await source.current()).toBe('minted-1');
    expect(await source.refresh?.('minted-1')).toBe('minted-2');
    expect(seen).toEqual(['cid:cs-1', 'cid:cs-1']);
    await store.set('zoom-oauth', { kind: 'zoom-oauth', ...credentials, clientSecret: 'cs-2' });
    expect(await source.current()).toBe('minted-3');
    expect(seen.at(-1)).toBe('cid:cs-2');
  });
});
