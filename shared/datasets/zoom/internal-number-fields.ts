import type { FieldDef } from '../dataset';
import { NUMBER_LANGUAGES, NUMBER_TYPES } from './internal-number-values';
import { fieldDef, YES_NO_CHOICES } from '../field-def';

/**
 * Longest labels or display_number let through. The spec sets no limit; this only stops a
 * pasted paragraph (or a whole row in one cell) from going out as a "short description".
 */
export const INTERNAL_NUMBER_TEXT_MAX = 255;

/**
 * The columns of a Zoom SIP-trunk internal numbers sheet, in template order: every body
 * field of POST /accounts/{accountId}/sip_trunk/internal_numbers, then account_id, which
 * picks the account (path) per row.
 */
export const ZOOM_INTERNAL_NUMBER_FIELDS: readonly FieldDef[] = [
  fieldDef(
    'number',
    'Number',
    true,
    'The phone number, written as E.164 (+14155550100); numbers without + are read in the default country. Unique per account in the sheet.',
    '+14155550100',
    [
      'Phone Number',
      'Phone',
      'DID',
      'DID Number',
      'DDI',
      'Dial-in Number',
      'Dial In Number',
      'Telephone Number',
      'E164',
      'E.164 Number',
      'Internal Number',
    ],
  ),
  fieldDef(
    'display_number',
    'Display number',
    true,
    `How the number is shown to users, e.g. +1 415-555-0100. At most ${INTERNAL_NUMBER_TEXT_MAX} characters.`,
    '+1 415-555-0100',
    ['Display Number', 'Displayed Number', 'Formatted Number', 'Number Display', 'Display Format'],
  ),
  fieldDef(
    'labels',
    'Label',
    true,
    `A short description of the number, e.g. "San Francisco dial-in". At most ${INTERNAL_NUMBER_TEXT_MAX} characters.`,
    'San Francisco dial-in',
    ['Label', 'Labels', 'Description', 'Name', 'Number Label', 'Number Name', 'Short Description'],
  ),
  fieldDef(
    'type',
    'Type',
    true,
    '1 or Toll for a toll number; 2 or Toll-free for a toll-free number.',
    'Toll',
    ['Number Type', 'Type', 'Toll Type', 'Toll / Toll-free'],
    NUMBER_TYPES.map((entry) => entry.label),
  ),
  fieldDef(
    'country',
    'Country',
    true,
    "The two-letter ISO 3166 code of the number's country (US, GB, DE…); lower case is accepted.",
    'US',
    ['Country', 'Country Code', 'ISO Country', 'Country ISO', 'Number Country'],
  ),
  fieldDef(
    'languages',
    'Language',
    true,
    `The language the number is shown in: ${NUMBER_LANGUAGES.join(', ')} (or English (UK), English (US), German).`,
    'en-US',
    ['Language', 'Languages', 'Display Language', 'Locale', 'Number Language'],
    NUMBER_LANGUAGES,
  ),
  fieldDef(
    'visible',
    'Visible',
    false,
    'Yes/No (also Y/N, true/false, 1/0): whether account users see the number in the Zoom client and portal.',
    'Yes',
    ['Visible', 'Show Number', 'Visible to Users', 'Is Visible'],
    YES_NO_CHOICES,
  ),
  fieldDef(
    'allow_join',
    'Allow join',
    false,
    'Yes/No (also Y/N, true/false, 1/0): whether users can dial this number to join a meeting.',
    'Yes',
    ['Allow Join', 'Can Join', 'Allow Join Meeting', 'Join Meetings'],
    YES_NO_CHOICES,
  ),
  fieldDef(
    'allow_for_external_meetings',
    'External meetings',
    false,
    'Yes/No (also Y/N, true/false, 1/0): whether the number can be used to attend third-party meetings.',
    'No',
    [
      'Allow For External Meetings',
      'External Meetings',
      'Allow External Meetings',
      'Third Party Meetings',
    ],
    YES_NO_CHOICES,
  ),
  fieldDef(
    'account_id',
    'Account',
    false,
    'me for the master account, or a sub account ID. Empty, or no such column: the account given with --account-id (default me). Rows of one account are sent together.',
    '',
    [
      'Account ID',
      'Account',
      'Sub Account ID',
      'Sub Account',
      'Subaccount ID',
      'Zoom Account ID',
      'Tenant ID',
    ],
  ),
];
