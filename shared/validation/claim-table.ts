import { findSlot } from './key-index';

/**
 * Which rows claim each 64-bit key (a {@link hashKey} pair) of one unique field, kept up to
 * date as rows change: what an edit needs to tell who is first with a value now.
 *
 * The same open addressing as KeyIndex, three words a slot (hash, hash, head), so 100k keys
 * cost ~3 MB, several times less than a Map of the key strings. `head` is 0 for a slot never
 * used, -1 for a key nobody claims any more, else its first claimer's index + 1. Keys claimed
 * by several rows (duplicates: few) also have every claimer, ascending, in `shared`.
 */
export class ClaimTable {
  private slots = new Int32Array(3 << 10);
  private capacity = 1 << 10;
  private used = 0;
  private readonly shared = new Map<string, number[]>();

  /** The first (lowest) row index claiming the key, or -1. */
  first(a: number, b: number): number {
    const head = this.slots[this.find(a, b) + 2]!;
    return head > 0 ? head - 1 : -1;
  }

  /** Every row index claiming the key, ascending. */
  claimers(a: number, b: number): readonly number[] {
    const first = this.first(a, b);
    return first < 0 ? [] : (this.shared.get(`${a}:${b}`) ?? [first]);
  }

  /** Adds `index` to the key's claimers (a no-op when it is one already). */
  add(a: number, b: number, index: number): void {
    // Rehashing drops keys nobody claims, so 3/4 is counted over used slots, as KeyIndex does.
    if (this.used * 4 >= this.capacity * 3) {
      this.rehash(this.capacity * 2);
    }
    const at = this.find(a, b);
    const head = this.slots[at + 2]!;
    if (head === 0) {
      this.slots[at] = a;
      this.slots[at + 1] = b;
      this.used++;
    }
    if (head <= 0) {
      this.slots[at + 2] = index + 1;
      return;
    }
    const name = `${a}:${b}`;
    const all = this.shared.get(name) ?? [head - 1];
    const position = insertionPoint(all, index);
    if (all[position] !== index) {
      all.splice(position, 0, index);
      this.shared.set(name, all);
      this.slots[at + 2] = all[0]! + 1;
    }
  }

  /** Removes `index` from the key's claimers (a no-op when it is not one). */
  remove(a: number, b: number, index: number): void {
    const at = this.find(a, b);
    const head = this.slots[at + 2]!;
    if (head <= 0) {
      return;
    }
    const name = `${a}:${b}`;
    const all = this.shared.get(name);
    if (!all) {
      if (head - 1 === index) {
        this.slots[at + 2] = -1;
      }
      return;
    }
    const position = insertionPoint(all, index);
    if (all[position] === index) {
      all.splice(position, 1);
      if (all.length === 1) {
        this.shared.delete(name);
      }
      this.slots[at + 2] = all[0]! + 1;
    }
  }

  /** The offset of the key's slot, or of the unused slot where it would go. */
  private find(a: number, b: number): number {
    return findSlot(this.slots, this.capacity, a, b);
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity * 3);
    this.capacity = capacity;
    this.used = 0;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2]! > 0) {
        const to = this.find(old[at]!, old[at + 1]!);
        this.slots.set(old.subarray(at, at + 3), to);
        this.used++;
      }
    }
  }
}

/** Where `index` is or would go in the ascending list. */
function insertionPoint(list: readonly number[], index: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < index) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
