import { json } from '../http/sim-http-server';
import type { JsonReply, RequestNotes } from '../http/sim-http-server';
import { defaultSite, ZOOM_SITES } from './zoom-catalog';
import type { ZoomSite } from './zoom-catalog';
import {
  BatchBody,
  BatchUser,
  describeIssue,
  MAX_BATCH_USERS,
  userLabel,
} from './zoom-batch-schema';
import { zoomError, ZoomErrorCode } from './zoom-errors';
import { randomZoomId } from './zoom-ids';
import { extensionKey } from './zoom-state';
import type { ZoomPhoneUser, ZoomState } from './zoom-state';

type Checked =
  { ok: true; value: { user: BatchUser; site: ZoomSite }[] } | { ok: false; reply: JsonReply };

const invalid = (message: string): Checked => ({
  ok: false,
  reply: zoomError(400, ZoomErrorCode.invalidField, message),
});

function resolveSite(label: string, user: BatchUser): ZoomSite | string {
  const byCode =
    user.site_code === undefined ? undefined : ZOOM_SITES.find((s) => s.code === user.site_code);
  const byName =
    user.site_name === undefined ? undefined : ZOOM_SITES.find((s) => s.name === user.site_name);
  if (user.site_code !== undefined && !byCode) {
    return `${label}: site_code "${user.site_code}" does not name a site`;
  }
  if (user.site_name !== undefined && !byName) {
    return `${label}: site_name "${user.site_name}" does not name a site`;
  }
  if (byCode && byName && byCode !== byName) {
    return `${label}: site_code "${user.site_code}" and site_name "${user.site_name}" name different sites`;
  }
  return byCode ?? byName ?? defaultSite();
}

/** Field rules, sites and duplicates inside the request: every failure here is a 400. */
function checkRequest(body: unknown): Checked {
  const shape = BatchBody.safeParse(body);
  if (!shape.success) {
    return invalid(describeIssue('request body', shape.error));
  }
  const raw = shape.data.users;
  if (raw.length < 1 || raw.length > MAX_BATCH_USERS) {
    return invalid(
      `users must hold 1 to ${MAX_BATCH_USERS} users; this request has ${raw.length}.`,
    );
  }
  const checked: { user: BatchUser; site: ZoomSite }[] = [];
  const seen = new Map<string, number>();
  for (const [index, item] of raw.entries()) {
    const label = userLabel(index, item);
    const parsed = BatchUser.safeParse(item);
    if (!parsed.success) {
      return invalid(describeIssue(label, parsed.error));
    }
    const user = parsed.data;
    const site = resolveSite(label, user);
    if (typeof site === 'string') {
      return invalid(site);
    }
    const keys: [string, string][] = [
      [`email ${user.email}`, `email:${user.email.toLowerCase()}`],
      [`extension_number ${user.extension_number}`, `ext:${extensionKey(user.extension_number)}`],
      ...(user.phone_numbers ?? []).map((n): [string, string] => [`phone number ${n}`, `num:${n}`]),
    ];
    for (const [what, key] of keys) {
      const first = seen.get(key);
      if (first !== undefined && first !== index) {
        return invalid(`${label}: ${what} repeats users[${first}] in the same request`);
      }
      seen.set(key, index);
    }
    checked.push({ user, site });
  }
  return { ok: true, value: checked };
}

/** Clashes with what the account already holds: each a 409 naming the offending user's email. */
function findConflict(state: ZoomState, users: readonly BatchUser[]): JsonReply | undefined {
  const conflict = (message: string) => zoomError(409, ZoomErrorCode.alreadyExists, message);
  for (const user of users) {
    if (state.findByEmail(user.email)) {
      return conflict(`User already exists: ${user.email}`);
    }
    if (state.findByExtension(user.extension_number)) {
      return conflict(
        `Extension number ${user.extension_number} already exists (requested for ${user.email})`,
      );
    }
    const taken = (user.phone_numbers ?? []).find((number) => state.findByPhoneNumber(number));
    if (taken !== undefined) {
      return conflict(`Phone number ${taken} is already assigned (requested for ${user.email})`);
    }
  }
  return undefined;
}

function toPhoneUser({ user, site }: { user: BatchUser; site: ZoomSite }): ZoomPhoneUser {
  return {
    id: randomZoomId(),
    phoneUserId: randomZoomId(),
    extensionId: randomZoomId(),
    email: user.email,
    firstName: user.first_name ?? '',
    lastName: user.last_name ?? '',
    extensionNumber: user.extension_number,
    siteId: site.id,
    callingPlans: [...new Set(user.calling_plans)],
    phoneNumbers: (user.phone_numbers ?? []).map((number) => ({ id: randomZoomId(), number })),
    department: '',
    costCenter: '',
    // Zoom activates batch-added users at once (the spec requires they be active account users).
    status: 'activate',
    outboundCallerId: user.outbound_caller_id,
    selectOutboundCallerId: user.select_outbound_caller_id,
    sms: user.sms,
    templateName: user.template_name,
    deskPhones: user.desk_phones ?? [],
  };
}

/**
 * POST /phone/users/batch: validates the whole batch, then creates every user or none.
 *
 * All-or-nothing is deliberate: Zoom refuses the whole batch for one bad user, which is what
 * forces clients to isolate that user (by the email in the message, or by bisecting).
 * Status choice: Zoom answers 400 for both kinds of refusal; the simulator answers 409 when a
 * user, extension or number already exists in the account and 400 for everything wrong with
 * the request itself (fields, sites, batch size, and duplicates inside the batch, since
 * nothing exists yet then). Either way the message names the user (`users[i] (email)` or
 * the email), so a client can act on it without bisecting.
 */
export function batchAddUsers(state: ZoomState, body: unknown, notes: RequestNotes): JsonReply {
  if (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { users?: unknown }).users)
  ) {
    notes.items = (body as { users: unknown[] }).users.length;
  }
  const checked = checkRequest(body);
  if (!checked.ok) {
    return checked.reply;
  }
  const conflict = findConflict(
    state,
    checked.value.map((item) => item.user),
  );
  if (conflict) {
    return conflict;
  }
  const created = checked.value.map(toPhoneUser);
  state.add(created);
  return json(
    201,
    created.map((user) => ({ email: user.email, id: user.id })),
  );
}
