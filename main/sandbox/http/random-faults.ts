/**
 * A seeded source of random faults for chaos tests: each request meets a fault with
 * probability `rate`, chosen from `faults`. Seeded so a failing seed can be replayed.
 */
export class RandomFaults<Fault> {
  private state: number;

  constructor(
    private readonly rate: number,
    private readonly faults: readonly Fault[],
    seed: number,
  ) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32: tiny, fast and good enough to spread faults; not for anything secret. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** The fault for the next request, or undefined for a normal answer. */
  draw(): Fault | undefined {
    if (this.faults.length === 0 || this.next() >= this.rate) {
      return undefined;
    }
    return this.faults[Math.floor(this.next() * this.faults.length)];
  }
}
