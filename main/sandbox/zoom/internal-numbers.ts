import { json } from '../http/sim-http-server';
import type { JsonReply, RequestNotes } from '../http/sim-http-server';
import { describeIssue } from './zoom-batch-schema';
import { InternalNumberItem, InternalNumbersBody, itemLabel } from './internal-number-schema';
import type { ZoomInternalNumber, ZoomInternalNumbers } from './internal-numbers-state';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './list-users';
import type { PageTokenStore } from './page-tokens';
import { zoomError, ZoomErrorCode } from './zoom-errors';
import { randomZoomId } from './zoom-ids';

const invalid = (message: string) => zoomError(400, ZoomErrorCode.invalidField, message);

/** Zoom's answer for an accountId that is neither `me` nor one of the master's sub accounts. */
function unknownAccount(accountId: string): JsonReply {
  return zoomError(404, ZoomErrorCode.accountNotFound, `Account does not exist: ${accountId}.`);
}

function checkItems(raw: readonly unknown[]): InternalNumberItem[] | JsonReply {
  if (raw.length === 0) {
    return invalid('internal_numbers must hold at least one number.');
  }
  const items: InternalNumberItem[] = [];
  const seen = new Map<string, number>();
  for (const [index, entry] of raw.entries()) {
    const label = itemLabel(index, entry);
    const parsed = InternalNumberItem.safeParse(entry);
    if (!parsed.success) {
      return invalid(describeIssue(label, parsed.error));
    }
    const first = seen.get(parsed.data.number);
    if (first !== undefined) {
      return invalid(`${label}: number repeats internal_numbers[${first}] in the same request`);
    }
    seen.set(parsed.data.number, index);
    items.push(parsed.data);
  }
  return items;
}

/**
 * POST /accounts/{accountId}/sip_trunk/internal_numbers: checks the account, every item's
 * field rules, then adds all numbers or none.
 *
 * All-or-nothing like the batch-add simulator: Zoom refuses the whole array for one bad
 * number, naming it. A number the account already holds gets 409 with code 1005 ("already
 * exists") naming the number: the spec documents no duplicate error for this endpoint, and
 * this is the answer Zoom gives where it does document one (users, extensions, numbers), so
 * clients take the same path (look it up, report "already exists") for every Zoom dataset.
 * Answers 201 listing each added number's id, in request order.
 */
export function addInternalNumbers(
  store: ZoomInternalNumbers,
  accountId: string,
  body: unknown,
  notes: RequestNotes,
): JsonReply {
  if (store.resolve(accountId) === undefined) {
    return unknownAccount(accountId);
  }
  const shape = InternalNumbersBody.safeParse(body);
  if (!shape.success) {
    return invalid(describeIssue('request body', shape.error));
  }
  notes.items = shape.data.internal_numbers.length;
  const items = checkItems(shape.data.internal_numbers);
  if (!Array.isArray(items)) {
    return items;
  }
  const taken = items.find((item) => store.find(accountId, item.number));
  if (taken) {
    return zoomError(
      409,
      ZoomErrorCode.alreadyExists,
      `Internal number ${taken.number} already exists on this account.`,
    );
  }
  const added: ZoomInternalNumber[] = items.map((item) => ({
    id: randomZoomId(),
    number: item.number,
    display_number: item.display_number,
    labels: item.labels,
    type: item.type,
    country: item.country,
    languages: item.languages,
    // The simulator's defaults for the optional flags: shown, joinable, own meetings only.
    visible: item.visible ?? true,
    allow_join: item.allow_join ?? true,
    allow_for_external_meetings: item.allow_for_external_meetings ?? false,
  }));
  store.add(accountId, added);
  return json(201, {
    internal_numbers: added.map((entry) => ({ id: entry.id, number: entry.number })),
  });
}

function pageSize(raw: string | null): number | string {
  if (raw === null || raw === '') {
    return DEFAULT_PAGE_SIZE;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    return `page_size must be a positive integer, got "${raw}"`;
  }
  return Math.min(MAX_PAGE_SIZE, Number(raw));
}

/**
 * GET /accounts/{accountId}/sip_trunk/internal_numbers: Zoom's "List internal numbers", which
 * specs/ does not hold (only the POST is there): page_size (default 30, clamped to 100) and
 * next_page_token paging as in the users list; items in the POST's shape plus their id.
 * A token is tied to the account it was issued for.
 */
export function listInternalNumbers(
  store: ZoomInternalNumbers,
  tokens: PageTokenStore,
  accountId: string,
  query: URLSearchParams,
): JsonReply {
  const account = store.resolve(accountId);
  if (account === undefined) {
    return unknownAccount(accountId);
  }
  const size = pageSize(query.get('page_size'));
  if (typeof size === 'string') {
    return invalid(size);
  }
  let offset = 0;
  const token = query.get('next_page_token');
  if (token !== null && token !== '') {
    const cursor = tokens.resolve(token);
    if (!cursor || cursor.filters !== account) {
      return invalid('The next page token is invalid or expired.');
    }
    offset = cursor.offset;
  }
  const all = store.list(account);
  const page = all.slice(offset, offset + size);
  const next = offset + page.length;
  return json(200, {
    next_page_token: next < all.length ? tokens.issue({ offset: next, filters: account }) : '',
    page_size: size,
    total_records: all.length,
    internal_numbers: page.map((entry) => ({ ...entry })),
  });
}
