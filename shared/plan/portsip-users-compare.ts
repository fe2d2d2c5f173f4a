import type { PortsipUserPayload } from '../datasets/portsip/build-portsip-user';
import { portsipUserComparable } from '../datasets/portsip/portsip-user-values';
import type { PlanComparator } from './target-plan';

/**
 * How a PortSIP users row compares with a user on the PBX, matched by extension.
 *
 * Compared: every field the row sets that the PBX returns (GET /api/users for the listed
 * fields, GET /api/users/{id} for the rest; the adapter's snapshot reads the latter only for
 * users whose rows need it). Never compared: password, extension_password and voicemail_pin,
 * which no endpoint returns; so a row that changes only a secret is "unchanged", and secrets
 * are sent only when a user is created.
 *
 * - The user name must not belong to another extension (names are unique, case ignored).
 * - The name of an existing user cannot be changed by an update, so a differing name is a
 *   conflict rather than an update that would leave it different.
 * - A new user needs a password (the PBX refuses a create without one); an existing one does
 *   not, so an exported sheet (no passwords) plans cleanly.
 */
export const portsipUsersComparator: PlanComparator<PortsipUserPayload> = {
  identityOf: (payload) => payload.extension_number,
  comparable: (payload) => portsipUserComparable(payload),
  uniqueAcrossTarget: ['name'],
  canUpdate: true,
  fixedFields: ['name'],
  createProblem: (payload) =>
    payload.password === undefined
      ? `extension ${payload.extension_number} is not on the PBX, and a new user needs a password`
      : undefined,
};
