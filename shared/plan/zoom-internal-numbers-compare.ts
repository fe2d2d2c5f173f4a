import type { ZoomInternalNumberPayload } from '../datasets/zoom/build-internal-number';
import { internalNumberIdentity } from '../datasets/zoom/internal-number-values';
import type { PlanComparator } from './target-plan';

const FLAGS = ['visible', 'allow_join', 'allow_for_external_meetings'] as const;

/** An internal number as GET /accounts/{accountId}/sip_trunk/internal_numbers lists it. */
export interface ListedInternalNumber {
  id: string;
  number: string;
  display_number?: string;
  labels?: string;
  type?: number;
  country?: string;
  languages?: string;
  visible?: boolean;
  allow_join?: boolean;
  allow_for_external_meetings?: boolean;
}

/**
 * How an internal numbers row compares with a listed number of its account. Only what the
 * sheet sets is compared (the yes/no fields are optional). Zoom's endpoint only adds
 * numbers, so a number listed with other values is a conflict, never an update.
 */
export const zoomInternalNumbersComparator: PlanComparator<ZoomInternalNumberPayload> = {
  identityOf: (payload) => internalNumberIdentity(payload.number, payload.account_id),
  comparable(payload) {
    const values: Record<string, string> = {
      labels: payload.labels,
      display_number: payload.display_number,
      type: String(payload.type),
      country: payload.country,
      languages: payload.languages,
    };
    for (const key of FLAGS) {
      const value = payload[key];
      if (value !== undefined) {
        values[key] = String(value);
      }
    }
    return values;
  },
  // Numbers are keyed per account already; the snapshot reads only the sheet's accounts, so
  // it could not see a number held by another account anyway.
  uniqueAcrossTarget: [],
  canUpdate: false,
};

/** The comparable values of a listed internal number, in the form `comparable` gives. */
export function listedInternalNumberComparable(
  listed: ListedInternalNumber,
): Record<string, string> {
  const values: Record<string, string> = {
    labels: listed.labels ?? '',
    display_number: listed.display_number ?? '',
    type: listed.type === undefined ? '' : String(listed.type),
    country: (listed.country ?? '').toUpperCase(),
    languages: listed.languages ?? '',
  };
  for (const key of FLAGS) {
    const value = listed[key];
    if (value !== undefined) {
      values[key] = String(value);
    }
  }
  return values;
}
