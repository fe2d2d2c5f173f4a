import { describe, expect, it } from 'vitest';
import { createZoomOAuthTokenSource } from '../../../../main/services/connectors/zoom/zoom-oauth-client';
import { AppError } from '../../../../shared/errors';

const credentials = {
  accountId: 'acct',
  clientId: 'id',
  clientSecret: 'sh-9f8e7d6c',
  oauthUrl: 'http://oauth.test/oauth/token',
};

/** A token endpoint that counts sign-ins and answers after a tick, so calls overlap. */
function tokenEndpoint(
  answer: (n: number) => Response = (n) =>
    Response.json({ access_token: `tok-${n}`, expires_in: 3600 }),
) {
  const calls: { url: string; authorization: string | null }[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: url instanceof Request ? url.url : url.toString(),
      authorization: new Headers(init?.headers).get('authorization'),
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    return answer(calls.length);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('createZoomOAuthTokenSource', () => {
  it('signs in with the account_credentials grant and Basic client credentials', async () => {
    const { calls, fetchImpl } = tokenEndpoint();
    const source = createZoomOAuthTokenSource(credentials, { fetch: fetchImpl });
    expect(await source.current()).toBe('tok-1');
    expect(calls[0]?.url).toBe(
      'http://oauth.test/oauth/token?grant_type=account_credentials&account_id=acct',
    );
    expect(calls[0]?.authorization).toBe(
      `Basic ${Buffer.from('id:sh-9f8e7d6c').toString('base64')}`,
    );
  });

  it('shares one sign-in between workers asking at once, and one refresh for one rejected token', async () => {
    const { calls, fetchImpl } = tokenEndpoint();
    const source = createZoomOAuthTokenSource(credentials, { fetch: fetchImpl });
    const first = await Promise.all([source.current(), source.current(), source.current()]);
    expect(new Set(first)).toEqual(new Set(['tok-1']));
    const refreshed = await Promise.all([
      source.refresh?.('tok-1'),
      source.refresh?.('tok-1'),
      source.refresh?.('tok-1'),
    ]);
    expect(new Set(refreshed)).toEqual(new Set(['tok-2']));
    // A worker late with the old token gets the new one, not a third sign-in.
    expect(await source.refresh?.('tok-1')).toBe('tok-2');
    expect(calls).toHaveLength(2);
  });

  it('renews a token a minute before it expires', async () => {
    let now = 0;
    const { calls, fetchImpl } = tokenEndpoint((n) =>
      Response.json({ access_token: `tok-${n}`, expires_in: 120 }),
    );
    const source = createZoomOAuthTokenSource(credentials, { fetch: fetchImpl, now: () => now });
    expect(await source.current()).toBe('tok-1');
    now = 59_000;
    expect(await source.current()).toBe('tok-1');
    now = 61_000;
    expect(await source.current()).toBe('tok-2');
    expect(calls).toHaveLength(2);
  });

  it('says the run needs sign-in when Zoom refuses the credentials, without echoing the secret', async () => {
    const { fetchImpl } = tokenEndpoint(() =>
      Response.json(
        { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
        { status: 401 },
      ),
    );
    const source = createZoomOAuthTokenSource(credentials, { fetch: fetchImpl });
    const failure = await source.current().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('AUTH_EXPIRED');
    expect((failure as AppError).message).toMatch(/needs sign-in/);
    expect((failure as AppError).message).not.toContain('sh-9f8e7d6c');
  });
});
