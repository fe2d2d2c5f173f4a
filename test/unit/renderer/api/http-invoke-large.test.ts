import { describe, expect, it } from 'vitest';
import { createHttpInvoke } from '../../../../renderer/api/http-invoke';
import { hasLargeArg, LARGE_ARG_CHARS } from '../../../../renderer/api/off-thread-post';

const okResponse = () => new Response(JSON.stringify({ ok: true, value: { fileId: 'f1' } }));

function transport(postLarge?: (url: string) => Promise<Response>) {
  const sent: string[] = [];
  const invoke = createHttpInvoke({
    base: 'http://127.0.0.1:1',
    secret: 's',
    fetch: ((url: string) => {
      sent.push(`page ${url}`);
      return Promise.resolve(okResponse());
    }) as typeof fetch,
    postLarge: postLarge
      ? (url) => {
          sent.push(`worker ${url}`);
          return postLarge(url);
        }
      : undefined,
  });
  return { invoke, sent };
}

describe('large requests in browser mode', () => {
  const upload = { fileName: 'a.csv', dataBase64: 'A'.repeat(LARGE_ARG_CHARS) };

  it('spots a request carrying a string of a megabyte or more', () => {
    expect(hasLargeArg(upload)).toBe(true);
    expect(hasLargeArg({ fileName: 'a.csv', dataBase64: 'AAAA' })).toBe(false);
    expect(hasLargeArg(undefined)).toBe(false);
  });

  it('posts an upload from the worker and small requests from the page', async () => {
    const { invoke, sent } = transport(() => Promise.resolve(okResponse()));
    expect(await invoke('import:open', upload)).toEqual({ ok: true, value: { fileId: 'f1' } });
    await invoke('app:info', {});
    expect(sent).toEqual([
      'worker http://127.0.0.1:1/rpc/import:open',
      'page http://127.0.0.1:1/rpc/app:info',
    ]);
  });

  it('posts the upload from the page when the worker cannot', async () => {
    const { invoke, sent } = transport(() => Promise.reject(new Error('no worker')));
    expect((await invoke('import:open', upload)).ok).toBe(true);
    expect(sent).toEqual([
      'worker http://127.0.0.1:1/rpc/import:open',
      'page http://127.0.0.1:1/rpc/import:open',
    ]);
  });
});
