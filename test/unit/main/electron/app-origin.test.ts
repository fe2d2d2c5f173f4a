import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, type SenderLike } from '../../../../main/electron/app-origin';

const top = { parent: null, url: 'app://batchline/index.html' };

function event(frame: SenderLike['senderFrame'], id = 1): SenderLike {
  return { senderFrame: frame, sender: { id } };
}

describe('isAppUrl', () => {
  it('accepts only app://batchline', () => {
    expect(isAppUrl('app://batchline/index.html')).toBe(true);
    expect(isAppUrl('app://batchline/')).toBe(true);
    for (const url of [
      'app://other/index.html',
      'file:///index.html',
      'https://batchline/',
      'app://user@batchline/',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  const ours = (id: number) => id === 1;

  it('trusts the top frame of our own window showing our origin', () => {
    expect(isTrustedSender(event(top), ours)).toBe(true);
  });

  it('refuses a sub-frame, even one of ours', () => {
    expect(isTrustedSender(event({ parent: top, url: 'app://batchline/frame.html' }), ours)).toBe(
      false,
    );
  });

  it('refuses a frame that navigated elsewhere, a destroyed frame and a foreign window', () => {
    expect(isTrustedSender(event({ parent: null, url: 'https://evil.example/' }), ours)).toBe(
      false,
    );
    expect(isTrustedSender(event(null), ours)).toBe(false);
    expect(isTrustedSender(event(top, 2), ours)).toBe(false);
  });
});
