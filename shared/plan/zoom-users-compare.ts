import type { ZoomUserPayload } from '../datasets/zoom/build-zoom-user';
import type { PlanComparator } from './target-plan';

const withoutLeadingZeros = (extension: string) => extension.replace(/^0+(?=\d)/, '');
const sortedList = (values: readonly string[]) => [...values].sort().join(';');

/**
 * How a Zoom Phone users row compares with a listed phone user. Only what the sheet sets is
 * compared; a site given only by code cannot be compared (the list returns site names).
 * Zoom's batch endpoint only creates, so a differing user is a conflict, never an update.
 */
export const zoomUsersComparator: PlanComparator<ZoomUserPayload> = {
  identityOf: (payload) => payload.email.toLowerCase(),
  comparable(payload) {
    const values: Record<string, string> = {
      extension_number: withoutLeadingZeros(payload.extension_number),
      calling_plans: sortedList(payload.calling_plans),
    };
    const name = [payload.first_name, payload.last_name].filter(Boolean).join(' ');
    if (name) {
      values.name = name;
    }
    if (payload.phone_numbers && payload.phone_numbers.length > 0) {
      values.phone_numbers = sortedList(payload.phone_numbers);
    }
    if (payload.site_name && !payload.site_code) {
      values.site_name = payload.site_name;
    }
    return values;
  },
  uniqueAcrossTarget: ['extension_number', 'phone_numbers'],
  canUpdate: false,
};

/** The comparable values of a listed Zoom phone user (GET /phone/users). */
export function zoomListedComparable(user: {
  name?: string;
  extension_number?: number | string;
  phone_numbers?: { number?: string }[];
  calling_plans?: { name?: string }[];
  site?: { name?: string };
}): Record<string, string> {
  return {
    name: user.name ?? '',
    extension_number:
      user.extension_number === undefined ? '' : withoutLeadingZeros(String(user.extension_number)),
    phone_numbers: sortedList(
      (user.phone_numbers ?? []).map((phone) => phone.number ?? '').filter(Boolean),
    ),
    calling_plans: sortedList(
      (user.calling_plans ?? []).map((plan) => plan.name ?? '').filter(Boolean),
    ),
    site_name: user.site?.name ?? '',
  };
}
