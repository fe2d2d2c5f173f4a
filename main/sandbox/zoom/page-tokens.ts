import { randomZoomId } from './zoom-ids';

/** How long a next_page_token stays valid (spec: "The expiration period for this token is 15 minutes"). */
export const PAGE_TOKEN_TTL_MS = 15 * 60 * 1000;

/** Where a page token points: the offset of the next page and the filters it was issued for. */
export interface PageCursor {
  offset: number;
  /** A canonical string of the filters, so a token cannot be replayed under other filters. */
  filters: string;
}

/**
 * Issues and resolves opaque next_page_tokens.
 *
 * Tokens are random (not encoded offsets) so clients cannot build or edit them, and they
 * may be used more than once until they expire: a client whose response was lost must be
 * able to fetch the same page again.
 */
export class PageTokenStore {
  private readonly cursors = new Map<string, PageCursor & { expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = PAGE_TOKEN_TTL_MS,
  ) {}

  /** A token for `cursor`, valid for the TTL from now. */
  issue(cursor: PageCursor): string {
    this.prune();
    const token = randomZoomId();
    this.cursors.set(token, { ...cursor, expiresAt: this.now() + this.ttlMs });
    return token;
  }

  /** The cursor behind `token`, or undefined if it is unknown or expired. */
  resolve(token: string): PageCursor | undefined {
    const cursor = this.cursors.get(token);
    if (!cursor || cursor.expiresAt <= this.now()) {
      return undefined;
    }
    return { offset: cursor.offset, filters: cursor.filters };
  }

  private prune(): void {
    const now = this.now();
    for (const [token, cursor] of this.cursors) {
      if (cursor.expiresAt <= now) {
        this.cursors.delete(token);
      }
    }
  }
}
