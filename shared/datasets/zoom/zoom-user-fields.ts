import type { FieldDef } from '../dataset';
import { fieldDef, YES_NO_CHOICES } from '../field-def';

/** Longest email Zoom accepts for a user. */
export const EMAIL_MAX = 128;
/** Longest first or last name Zoom accepts. */
export const NAME_MAX = 64;
/** Longest free-text value (site, template, desk phone text) we let through unchecked. */
export const TEXT_MAX = 255;
/**
 * Extension length: Zoom's account setting allows short extensions, and a site code prefixed
 * to one makes it longer; 2-15 digits rejects the obvious mistakes (letters, "x101", phone
 * numbers pasted in) and leaves the account's exact length for Zoom to enforce.
 */
export const EXTENSION_PATTERN = /^\d{2,15}$/;
/** Separators of the phone_numbers cell: ; , or a line break. */
export const PHONE_LIST_SEPARATORS = /[;,\r\n]/;
/** Separators of the calling_plans cell: ; or a line break (plan names may contain commas). */
export const PLAN_LIST_SEPARATORS = /[;\r\n]/;
/** The desk phone columns; any one filled makes a desk_phones entry, which needs the MAC. */
export const DESK_PHONE_FIELDS = [
  'desk_phone_brand',
  'desk_phone_model',
  'desk_phone_mac',
  'desk_phone_provision_template',
] as const;

/**
 * The columns of a Zoom Phone users sheet (POST /phone/users/batch), in template order.
 *
 * Synonyms cover headers seen in Workday, BambooHR, ADP and hand-made sheets; they are
 * matched after normalising, so "E-mail", "e_mail" and "EMAIL " are one entry.
 */
export const ZOOM_USER_FIELDS: readonly FieldDef[] = [
  fieldDef(
    'email',
    'Email',
    true,
    `The user's Zoom login email; must be an active Zoom user. At most ${EMAIL_MAX} characters.`,
    'alice.ng@example.com',
    [
      'Work Email',
      'E-mail',
      'Email Address',
      'Work Email Address',
      'Business Email',
      'Primary Email',
      'User Email',
      'Employee Email',
      'Mail',
      'Login Email',
      'Zoom Email',
      'UPN',
      'User Principal Name',
    ],
  ),
  fieldDef('first_name', 'First name', false, `At most ${NAME_MAX} characters.`, 'Alice', [
    'First Name',
    'Given Name',
    'First',
    'Forename',
    'Legal First Name',
    'Preferred First Name',
    'Preferred Name',
    'Firstname',
  ]),
  fieldDef('last_name', 'Last name', false, `At most ${NAME_MAX} characters.`, 'Ng', [
    'Last Name',
    'Surname',
    'Last',
    'Family Name',
    'Legal Last Name',
    'Lastname',
  ]),
  fieldDef(
    'extension_number',
    'Extension',
    true,
    '2 to 15 digits, nothing else; must be unique in the sheet. A leading 0 may be dropped by Zoom, which stores extensions as numbers.',
    '2001',
    [
      'Extension',
      'Ext',
      'Ext.',
      'Ext Number',
      'Extension No',
      'Phone Extension',
      'Internal Number',
      'Short Number',
      'Short Dial',
    ],
  ),
  fieldDef(
    'phone_numbers',
    'Phone numbers',
    false,
    'One or more direct numbers (DIDs) already in the Zoom account, separated by ; , or a line break. Written as E.164 (+14155550100); numbers without + are read in the default country.',
    '+14155550100',
    [
      'Phone Number',
      'Phone Numbers',
      'Direct Dial',
      'DID',
      'DIDs',
      'DDI',
      'Direct Line',
      'Direct Number',
      'Work Phone',
      'Business Phone',
      'Office Phone',
      'Phone',
      'Telephone',
      'Telephone Number',
    ],
  ),
  fieldDef(
    'calling_plans',
    'Calling plans',
    true,
    'The name of at least one calling plan (license), several separated by ;.',
    'US/CA Unlimited Calling',
    [
      'Calling Plan',
      'Calling Plans',
      'License',
      'Licenses',
      'Licence',
      'Phone License',
      'Plan',
      'Phone Plan',
      'Calling License',
    ],
  ),
  fieldDef(
    'site_code',
    'Site code',
    false,
    'The code of the Zoom Phone site. Give site_code or site_name; if both are given, site_code is used and site_name ignored (with a warning).',
    '',
    ['Site Code', 'Location Code', 'Office Code', 'Branch Code'],
  ),
  fieldDef(
    'site_name',
    'Site name',
    false,
    'The name of the Zoom Phone site, used when site_code is empty.',
    'Main Office',
    ['Site', 'Site Name', 'Location', 'Office', 'Office Location', 'Work Location', 'Branch'],
  ),
  fieldDef(
    'template_name',
    'User template',
    false,
    'The name of a Zoom Phone user template to apply.',
    '',
    ['Template', 'User Template', 'Template Name', 'Phone Template', 'Policy Template'],
  ),
  fieldDef(
    'outbound_caller_id',
    'Outbound caller ID',
    false,
    'The number shown on outgoing calls, written as E.164 like phone_numbers.',
    '',
    [
      'Caller ID',
      'Outbound Caller ID',
      'Caller ID Number',
      'Outbound Number',
      'Display Number',
      'CLI',
    ],
  ),
  {
    ...fieldDef(
      'select_outbound_caller_id',
      'Choose caller ID',
      false,
      'Yes/No (also Y/N, true/false, 1/0): whether the user may choose their outbound caller ID.',
      'No',
      [
        'Select Outbound Caller ID',
        'Select Caller ID',
        'Choose Caller ID',
        'Allow Caller ID Selection',
      ],
    ),
    choices: YES_NO_CHOICES,
  },
  {
    ...fieldDef(
      'sms',
      'SMS',
      false,
      'Yes/No (also Y/N, true/false, 1/0): whether SMS is enabled for the user.',
      'Yes',
      ['SMS', 'SMS Enabled', 'Text Messaging', 'Enable SMS', 'Messaging'],
    ),
    choices: YES_NO_CHOICES,
  },
  fieldDef(
    'desk_phone_brand',
    'Desk phone brand',
    false,
    'The desk phone manufacturer, e.g. Yealink, Polycom, Cisco. Any desk_phone_* column filled needs desk_phone_mac.',
    '',
    [
      'Desk Phone Brand',
      'Phone Brand',
      'Brand',
      'Manufacturer',
      'Phone Manufacturer',
      'Device Brand',
      'Vendor',
    ],
  ),
  fieldDef(
    'desk_phone_model',
    'Desk phone model',
    false,
    'The desk phone model as Zoom names it, e.g. t46s, vvx450.',
    '',
    ['Desk Phone Model', 'Phone Model', 'Model', 'Device Model'],
  ),
  fieldDef(
    'desk_phone_mac',
    'Desk phone MAC',
    false,
    "Required when any desk_phone_* column is filled. 12 hex digits, with or without : - or . separators; sent as 12 lowercase hex digits (Zoom's bare form). Unique in the sheet.",
    '',
    ['Desk Phone MAC', 'MAC Address', 'MAC', 'Phone MAC', 'Device MAC', 'MAC Addr'],
  ),
  fieldDef(
    'desk_phone_provision_template',
    'Desk phone provision template',
    false,
    'The provision template of the desk phone.',
    '',
    [
      'Desk Phone Provision Template',
      'Provision Template',
      'Provisioning Template',
      'Device Template',
    ],
  ),
];
