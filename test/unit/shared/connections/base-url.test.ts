import { describe, expect, it } from 'vitest';
import { checkBaseUrl } from '../../../../shared/connections/base-url';

describe('checkBaseUrl', () => {
  it('keeps https anywhere and http on loopback, without a trailing slash', () => {
    expect(checkBaseUrl(' https://pbx.example.com:8887/ ')).toEqual({
      ok: true,
      url: 'https://pbx.example.com:8887',
      host: 'pbx.example.com:8887',
    });
    expect(checkBaseUrl('http://127.0.0.1:4000/v2')).toMatchObject({
      ok: true,
      url: 'http://127.0.0.1:4000/v2',
    });
    expect(checkBaseUrl('http://localhost:4000')).toMatchObject({ ok: true });
  });

  it.each([
    ['http://pbx.example.com:8887', /Use https for pbx\.example\.com/],
    ['http://10.0.0.5', /Use https for 10\.0\.0\.5/],
    ['ftp://pbx.example.com', /must start with https:\/\//],
    ['https://pbx.example.com/?token=abc', /query/],
    ['not a url', /is not a URL/],
  ])('refuses %s', (raw, message) => {
    const checked = checkBaseUrl(raw);
    expect(checked.ok ? '' : checked.message).toMatch(message);
  });

  it('refuses credentials inside the URL without repeating them', () => {
    for (const raw of ['https://admin:s3cr3t@pbx.example.com', 'https://s3cr3t@pbx.example.com']) {
      const checked = checkBaseUrl(raw);
      expect(checked.ok).toBe(false);
      expect(checked.ok ? '' : checked.message).toMatch(/user name or password/);
      expect(JSON.stringify(checked)).not.toContain('s3cr3t');
    }
  });
});
