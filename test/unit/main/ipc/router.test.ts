import { describe, expect, it } from 'vitest';
import { createRouter, type CallerInfo, type Handlers } from '../../../../main/ipc/router';
import { createLogger } from '../../../../main/lib/logger';
import { AppError } from '../../../../shared/errors';

const trusted: CallerInfo = { trusted: true, description: 'test' };

function setup(overrides: Partial<Record<string, (args: unknown) => Promise<unknown>>> = {}) {
  const calls: unknown[] = [];
  const lines: string[] = [];
  const handlers = {
    'jobs:get': (args: unknown) => {
      calls.push(args);
      return Promise.resolve({ jobId: 'j1', state: 'running', progress: {} });
    },
    ...overrides,
  } as unknown as Handlers;
  const router = createRouter(
    handlers,
    createLogger((line) => lines.push(line)),
  );
  return { router, calls, lines };
}

describe('createRouter', () => {
  it('lists exactly the contract channels', () => {
    const { router } = setup();
    expect(router.channels).toContain('jobs:get');
    expect(router.channels).toContain('import:open');
  });

  it('refuses an untrusted caller before looking at channel or arguments', async () => {
    const { router, calls, lines } = setup();
    const result = await router.dispatch(
      'jobs:get',
      { jobId: 'j1' },
      { trusted: false, description: 'iframe' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    // Same answer for a channel that does not exist: an untrusted caller learns nothing.
    const unknown = await router.dispatch(
      'nope:nope',
      {},
      { trusted: false, description: 'iframe' },
    );
    expect(unknown).toEqual(result);
    expect(calls).toEqual([]);
    expect(lines.join('\n')).toContain('untrusted sender');
  });

  it('refuses an unknown channel', async () => {
    const { router } = setup();
    const result = await router.dispatch('shell:exec', {}, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    expect(!result.ok && result.error.message).toContain('shell:exec');
  });

  it('does not mistake Object.prototype names for channels', async () => {
    const { router } = setup();
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await router.dispatch(name, {}, trusted)).toMatchObject({
        ok: false,
        error: { code: 'IPC_INVALID_ARGS' },
      });
    }
  });

  it('refuses malformed arguments, naming the path of the bad field', async () => {
    const { router, calls } = setup();
    const result = await router.dispatch('jobs:get', { jobId: 'has spaces/..' }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } });
    expect(!result.ok && result.error.message).toMatch(/jobs:get: jobId: /);
    const extra = await router.dispatch('jobs:get', { jobId: 'j1', evil: true }, trusted);
    expect(!extra.ok && extra.error.code).toBe('IPC_INVALID_ARGS');
    const notObject = await router.dispatch('jobs:get', 'j1', trusted);
    expect(!notObject.ok && notObject.error.message).toContain('(arguments)');
    expect(calls).toEqual([]);
  });

  it('passes parsed arguments to the handler and wraps the value', async () => {
    const { router, calls } = setup();
    const result = await router.dispatch('jobs:get', { jobId: 'j1' }, trusted);
    expect(result).toEqual({ ok: true, value: { jobId: 'j1', state: 'running', progress: {} } });
    expect(calls).toEqual([{ jobId: 'j1' }]);
  });

  it('wraps a thrown AppError as a failed Result with its code, retryable flag and details', async () => {
    const { router } = setup({
      'jobs:get': () =>
        Promise.reject(
          new AppError('RATE_LIMITED', 'Slow down.', { retryable: true, details: { after: 3 } }),
        ),
    });
    const result = await router.dispatch('jobs:get', { jobId: 'j1' }, trusted);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: 'Slow down.',
        retryable: true,
        details: { after: 3 },
      },
    });
  });

  it('never throws: a plain Error, a thrown string or a sync throw become INTERNAL Results', async () => {
    const impls: ((args: unknown) => Promise<unknown>)[] = [
      () => Promise.reject(new Error('boom')),
      async () => {
        await Promise.resolve();
        throw new TypeError('boom');
      },
      () => {
        // A non-Error throw on purpose: third-party code does this and the router must cope.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw 'boom';
      },
    ];
    for (const impl of impls) {
      const { router } = setup({ 'jobs:get': impl });
      const result = await router.dispatch('jobs:get', { jobId: 'j1' }, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', retryable: false } });
      expect(!result.ok && result.error.message).toContain('boom');
      // No stack trace crosses the bridge.
      expect(JSON.stringify(result)).not.toMatch(/\n\s+at /);
    }
  });
});
