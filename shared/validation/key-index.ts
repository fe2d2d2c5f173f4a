/**
 * Two independent 32-bit MurmurHash3 (x86_32) hashes of a string's UTF-16 code units, two
 * units a block, computed in one pass and written to `out[at]` and `out[at + 1]`.
 *
 * The pipeline compares unique values by this 64-bit pair instead of keeping the strings:
 * 1M emails as strings in a Map take ~150 MB and keep every file chunk they were sliced from
 * alive; as pairs in a {@link KeyIndex} they take 24 MB. Two rows with different keys share a
 * pair with probability ~n²/2⁶⁵ (3·10⁻⁸ for a million distinct values).
 */
export function hashKey(text: string, out: Int32Array, at: number): void {
  const length = text.length;
  let h1 = 0x9747b28c;
  let h2 = 0x1b873593 ^ length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const block = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    h1 = mixBlock(h1, block);
    h2 = mixBlock(h2, block);
  }
  if (i < length) {
    const k = scramble(text.charCodeAt(i));
    h1 ^= k;
    h2 ^= k;
  }
  out[at] = finish(h1, length);
  out[at + 1] = finish(h2, length);
}

function scramble(block: number): number {
  const k = Math.imul(block, 0xcc9e2d51);
  return Math.imul((k << 15) | (k >>> 17), 0x1b873593);
}

function mixBlock(h: number, block: number): number {
  const mixed = h ^ scramble(block);
  return (Math.imul((mixed << 13) | (mixed >>> 19), 5) + 0xe6546b64) | 0;
}

// As int32: typed-array reads of int32 stay small integers in V8, uint32 above 2³¹ do not.
function finish(hash: number, length: number): number {
  let h = hash ^ length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Linear probing over three-word slots (hash, hash, third word; 0 = never used) in a table of
 * `capacity` slots, a power of two: the offset of the key's slot, or of the unused slot where
 * it would go. Shared by {@link KeyIndex} and ClaimTable.
 */
export function findSlot(slots: Int32Array, capacity: number, a: number, b: number): number {
  const mask = capacity - 1;
  let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
  for (;;) {
    const at = slot * 3;
    if (slots[at + 2] === 0 || (slots[at] === a && slots[at + 1] === b)) {
      return at;
    }
    slot = (slot + 1) & mask;
  }
}

/**
 * First claims of 64-bit keys: an open-addressing hash table in one typed array, three words
 * a slot (hash, hash, row) side by side so a probe touches one cache line, at most 3/4 full:
 * a million keys cost 24 MB and no garbage. Row 0 marks an empty slot (rows start at 1).
 */
export class KeyIndex {
  private slots = new Int32Array(3 << 12);
  private capacity = 1 << 12;
  private size = 0;

  /** Makes room for `keys` keys at once, instead of doubling step by step as they come. */
  reserve(keys: number): void {
    let capacity = this.capacity;
    while (capacity * 3 < keys * 4) {
      capacity *= 2;
    }
    if (capacity > this.capacity) {
      this.rehash(capacity);
    }
  }

  /** Claims the key for `row` if nobody has; returns the row that claimed it first. */
  claim(a: number, b: number, row: number): number {
    // Linear probing stays short up to 3/4 full, and a million keys then fit in 2^21 slots.
    if (this.size * 4 >= this.capacity * 3) {
      this.rehash(this.capacity * 2);
    }
    const at = this.find(a, b);
    const first = this.slots[at + 2]!;
    if (first !== 0) {
      return first;
    }
    this.slots[at] = a;
    this.slots[at + 1] = b;
    this.slots[at + 2] = row;
    this.size++;
    return row;
  }

  /** The offset of the key's slot, or of the empty slot where it would go. */
  private find(a: number, b: number): number {
    return findSlot(this.slots, this.capacity, a, b);
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity * 3);
    this.capacity = capacity;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] !== 0) {
        const to = this.find(old[at]!, old[at + 1]!);
        this.slots[to] = old[at]!;
        this.slots[to + 1] = old[at + 1]!;
        this.slots[to + 2] = old[at + 2]!;
      }
    }
  }
}
