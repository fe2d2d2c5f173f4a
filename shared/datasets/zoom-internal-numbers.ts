import type { DatasetDef } from './dataset';
import type { DatasetOptions } from './zoom-users';
import { phoneIdentity, toCountryCode } from '../phone/normalise-phone';
import { parserOf, parserSchema, type RecordParser } from '../validation/record-parser';
import { buildInternalNumber, type ZoomInternalNumberPayload } from './zoom/build-internal-number';
import { ZOOM_INTERNAL_NUMBER_FIELDS } from './zoom/internal-number-fields';
import { internalNumberIdentity } from './zoom/internal-number-values';
import { internalNumberWarnings } from './zoom/internal-number-warnings';

export type { ZoomInternalNumberPayload } from './zoom/build-internal-number';

/**
 * Numbers per POST. The spec sets no limit on the array; Zoom refuses the whole array for
 * one bad number, so a refusal that names no number costs about 2·log2(size) extra calls
 * to isolate it. 50 keeps that to a dozen calls, keeps a body near 10 KB, and still adds a
 * typical trunk's numbers (tens to a few hundred) in a handful of calls.
 */
export const INTERNAL_NUMBERS_BATCH_SIZE = 50;

/**
 * Zoom SIP Connected Audio internal numbers: POST /accounts/{accountId}/sip_trunk/internal_numbers
 * with an array body. Rows go to the account named in their account_id cell, else to the
 * run's --account-id (`me`, the master account, by default); rows of different accounts never
 * share a call. Numbers without a country code are read in `defaultCountry`. A number may
 * appear once per account in the sheet.
 */
export function createZoomInternalNumbersDataset(
  opts: DatasetOptions = {},
): DatasetDef<ZoomInternalNumberPayload> & RecordParser<ZoomInternalNumberPayload> {
  const country = toCountryCode(opts.defaultCountry);
  const parseRecord = parserOf((record, problems) =>
    buildInternalNumber(record, country, problems),
  );
  const recordSchema = parserSchema(parseRecord);

  return {
    target: 'zoom',
    kind: 'internal-numbers',
    title: 'Zoom SIP-trunk internal numbers',
    fields: ZOOM_INTERNAL_NUMBER_FIELDS,
    batchSize: INTERNAL_NUMBERS_BATCH_SIZE,
    recordSchema,
    parseRecord,
    uniqueFields: [
      {
        key: 'number',
        normalise: (value) => phoneIdentity(value, country),
        scope: 'account_id',
        describe: (value) => `Number ${value} is already in the sheet for this account`,
      },
    ],
    identityOf: (payload) => internalNumberIdentity(payload.number, payload.account_id),
    // '' is the run's --account-id; the connector resolves it.
    groupOf: (payload) => payload.account_id ?? '',
    warningsOf: (record, payload) => internalNumberWarnings(record, payload, country),
  };
}
