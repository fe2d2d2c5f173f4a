import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 22;

function toBase62(bytes: Uint8Array, length: number): string {
  let out = '';
  for (const byte of bytes) {
    // 248 = 62 * 4: dropping bytes above it keeps every character equally likely.
    if (byte < 248) {
      out += BASE62[byte % 62] ?? '';
    }
    if (out.length === length) {
      break;
    }
  }
  return out;
}

/** A fresh id in Zoom's shape: 22 random base62 characters. */
export function randomZoomId(): string {
  for (;;) {
    const id = toBase62(randomBytes(ID_LENGTH * 2), ID_LENGTH);
    if (id.length === ID_LENGTH) {
      return id;
    }
  }
}

/**
 * A stable id in Zoom's shape derived from `seed`, so seeded demo users keep their ids from
 * one sandbox start to the next (exports and screenshots stay comparable).
 */
export function stableZoomId(seed: string): string {
  let id = '';
  for (let round = 0; id.length < ID_LENGTH; round += 1) {
    const digest = createHash('sha256').update(`${round}:${seed}`).digest();
    id += toBase62(digest, ID_LENGTH - id.length);
  }
  return id;
}
