/**
 * Reads a Retry-After header (seconds or an HTTP date) as milliseconds from `now`.
 *
 * Returns undefined when the header is absent or unreadable, so the caller falls back to
 * its own backoff instead of trusting a garbled value.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.ceil(Number(trimmed) * 1000);
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) {
    return undefined;
  }
  return Math.max(0, at - now);
}

/**
 * Full-jitter exponential backoff (AWS SDK "standard" mode): a random wait in
 * [0, min(cap, base · 2^attempt)], which spreads retries of many workers apart.
 */
export function fullJitterBackoff(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 500,
  capMs = 20_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
