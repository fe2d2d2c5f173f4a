import type { Result } from '../../shared/result';

/**
 * Runs one bridge call and always resolves to a Result.
 *
 * The bridge never throws by contract, but a dropped HTTP connection in browser mode or a
 * bug in a transport could still reject; the UI must show a banner then, not crash.
 */
export async function safeCall<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (caught) {
    const detail = caught instanceof Error ? caught.message : String(caught);
    return {
      ok: false,
      error: {
        code: 'NETWORK',
        message: `batchline could not reach its own background service: ${detail}`,
        retryable: true,
      },
    };
  }
}
