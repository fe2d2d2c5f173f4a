import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';
import { findPlan, findSiteById, ZOOM_BILLING_ACCOUNT } from './zoom-catalog';
import { zoomError, ZoomErrorCode } from './zoom-errors';
import type { PageTokenStore } from './page-tokens';
import type { ZoomPhoneUser, ZoomState } from './zoom-state';

/** page_size when the query has none (spec default). */
export const DEFAULT_PAGE_SIZE = 30;
/** Largest page; bigger requests are clamped to it, as Zoom does. */
export const MAX_PAGE_SIZE = 100;

const STATUSES = new Set(['activate', 'deactivate', 'pending']);
const FILTER_KEYS = [
  'site_id',
  'calling_type',
  'status',
  'department',
  'cost_center',
  'keyword',
] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

function readFilters(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value !== null && value !== '') {
      filters[key] = value;
    }
  }
  return filters;
}

function checkFilters(filters: Filters): string | undefined {
  if (filters.calling_type !== undefined && !/^\d+$/.test(filters.calling_type)) {
    return `calling_type must be an integer plan type, got "${filters.calling_type}"`;
  }
  if (filters.status !== undefined && !STATUSES.has(filters.status)) {
    return `status must be activate, deactivate or pending, got "${filters.status}"`;
  }
  return undefined;
}

function matches(user: ZoomPhoneUser, filters: Filters): boolean {
  const same = (a: string, b: string | undefined) =>
    b === undefined || a.toLowerCase() === b.toLowerCase();
  const keyword = filters.keyword?.toLowerCase();
  const name = `${user.firstName} ${user.lastName}`.toLowerCase();
  return (
    (filters.site_id === undefined || user.siteId === filters.site_id) &&
    (filters.calling_type === undefined ||
      user.callingPlans.some((plan) => findPlan(plan)?.type === Number(filters.calling_type))) &&
    (filters.status === undefined || user.status === filters.status) &&
    same(user.department, filters.department) &&
    same(user.costCenter, filters.cost_center) &&
    (keyword === undefined ||
      name.includes(keyword) ||
      user.extensionNumber.includes(keyword) ||
      user.phoneNumbers.some((phone) => phone.number.includes(keyword)))
  );
}

function displayName(user: ZoomPhoneUser): string {
  const name = `${user.firstName} ${user.lastName}`.trim();
  // Zoom shows the account user's name; with none given, the email's local part stands in.
  return name === '' ? (user.email.split('@')[0] ?? user.email) : name;
}

/** One user in the list response's shape (spec: zoom-phone-list-users.txt). */
export function toListedUser(user: ZoomPhoneUser): Record<string, unknown> {
  const site = findSiteById(user.siteId);
  return {
    calling_plans: user.callingPlans.map((name) => ({
      name,
      type: findPlan(name)?.type ?? 0,
      billing_account_id: ZOOM_BILLING_ACCOUNT.id,
      billing_account_name: ZOOM_BILLING_ACCOUNT.name,
    })),
    email: user.email,
    extension_id: user.extensionId,
    // The spec types it <long>: a JSON number, so leading zeros do not survive (as on Zoom).
    extension_number: Number(user.extensionNumber),
    id: user.id,
    name: displayName(user),
    phone_user_id: user.phoneUserId,
    site: { id: user.siteId, name: site?.name ?? '' },
    status: user.status,
    phone_numbers: user.phoneNumbers.map((phone) => ({ id: phone.id, number: phone.number })),
    department: user.department,
    cost_center: user.costCenter,
  };
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
 * GET /phone/users: filters, then pages in creation order.
 *
 * A next_page_token carries the filters it was issued under: a follow-up request may repeat
 * them or leave them out, but different filters make the token invalid (400), since its
 * offset would point into another list.
 */
export function listUsers(
  state: ZoomState,
  tokens: PageTokenStore,
  query: URLSearchParams,
): JsonReply {
  const bad = (message: string) => zoomError(400, ZoomErrorCode.invalidField, message);
  const size = pageSize(query.get('page_size'));
  if (typeof size === 'string') {
    return bad(size);
  }
  let filters = readFilters(query);
  const problem = checkFilters(filters);
  if (problem) {
    return bad(problem);
  }
  let offset = 0;
  const token = query.get('next_page_token');
  if (token !== null && token !== '') {
    const cursor = tokens.resolve(token);
    const asked = JSON.stringify(filters);
    if (!cursor || (asked !== '{}' && asked !== cursor.filters)) {
      return bad('The next page token is invalid or expired.');
    }
    offset = cursor.offset;
    filters = JSON.parse(cursor.filters) as Filters;
  }
  const matching = state.list().filter((user) => matches(user, filters));
  const page = matching.slice(offset, offset + size);
  const nextOffset = offset + page.length;
  const next =
    nextOffset < matching.length
      ? tokens.issue({ offset: nextOffset, filters: JSON.stringify(filters) })
      : '';
  return json(200, {
    next_page_token: next,
    page_size: size,
    total_records: matching.length,
    users: page.map(toListedUser),
  });
}
