import type { DatasetDef } from './dataset';
import { phoneIdentity, toCountryCode } from '../phone/normalise-phone';
import { buildZoomUser, type ZoomUserPayload } from './zoom/build-zoom-user';
import { listOf, macOf } from './zoom/list-cells';
import { zoomUserWarnings } from './zoom/zoom-user-warnings';
import { parserOf, parserSchema, type RecordParser } from '../validation/record-parser';
import { PHONE_LIST_SEPARATORS, ZOOM_USER_FIELDS } from './zoom/zoom-user-fields';

export type { ZoomDeskPhone, ZoomUserPayload } from './zoom/build-zoom-user';

/** Options of a dataset that depend on the run: the country for numbers written without +. */
export interface DatasetOptions {
  /** ISO 3166 alpha-2 (US, GB, DE…); an unknown code throws AppError('USAGE'). */
  defaultCountry?: string;
}

/**
 * The Zoom Phone users dataset: POST /phone/users/batch, at most 10 users a call.
 *
 * Built per run because phone numbers without a country code are read in `defaultCountry`.
 * Without one, such numbers are row errors asking for +<country code>. Unique in the sheet:
 * email (case-insensitive), extension (leading zeros ignored, as Zoom stores a number), every
 * phone number (as E.164) and the desk phone MAC.
 */
export function createZoomUsersDataset(
  opts: DatasetOptions = {},
): DatasetDef<ZoomUserPayload> & RecordParser<ZoomUserPayload> {
  const country = toCountryCode(opts.defaultCountry);
  const parseRecord = parserOf((record, problems) => buildZoomUser(record, country, problems));
  const recordSchema = parserSchema(parseRecord);

  return {
    target: 'zoom',
    kind: 'users',
    title: 'Zoom Phone users',
    fields: ZOOM_USER_FIELDS,
    batchSize: 10,
    recordSchema,
    // The schema's builder without zod's per-parse cost, for the row checks (record-parser.ts).
    parseRecord,
    uniqueFields: [
      { key: 'email', normalise: (value) => value.toLowerCase() },
      {
        key: 'extension_number',
        // Only a leading 0 can change: skip the RegExp for the rest.
        normalise: (value) => (value.startsWith('0') ? value.replace(/^0+(?=\d)/, '') : value),
      },
      {
        key: 'phone_numbers',
        normalise: (value) => phoneIdentity(value, country),
        split: (value) => listOf(value, PHONE_LIST_SEPARATORS),
      },
      { key: 'desk_phone_mac', normalise: (value) => macOf(value) ?? value.toLowerCase() },
    ],
    identityOf: (payload) => payload.email.toLowerCase(),
    warningsOf: (record, payload) => zoomUserWarnings(record, payload, country),
  };
}
