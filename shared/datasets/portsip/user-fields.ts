import type { FieldDef } from '../dataset';
import {
  PORTSIP_INTERFACES,
  PORTSIP_PLAY_DATETIME,
  PORTSIP_SMS_MODES,
  PORTSIP_TRANSPORTS,
} from './portsip-rules';
import { YES_NO_CHOICES } from '../field-def';

const YES_NO_TEXT = 'Yes/No (also Y/N, TRUE/FALSE, 1/0).';
const SECRET_TEXT =
  'It cannot be read back from the PBX, so exports leave it empty and it is used only when the user is created: for a user that already exists it is left as it is (a sheet that changes a department must not reset everyone’s secrets).';

const field = (
  key: string,
  label: string,
  description: string,
  example: string,
  synonyms: readonly string[],
  extra: Partial<FieldDef> = {},
): FieldDef => ({ key, label, required: false, description, example, synonyms, ...extra });

const flag = (key: string, label: string, what: string, synonyms: readonly string[]): FieldDef =>
  field(key, label, `${YES_NO_TEXT} ${what}`, 'No', synonyms, { choices: YES_NO_CHOICES });

const choice = (
  key: string,
  label: string,
  what: string,
  values: readonly string[],
  synonyms: readonly string[],
): FieldDef =>
  field(
    key,
    label,
    `${what} One of ${values.join(', ')}; case does not matter and spaces may stand for _.`,
    values[0] ?? '',
    synonyms,
    { choices: values },
  );

const FORWARD_EXAMPLE =
  '{"busy_office_hours_forward_rule":{"action":"FORWARD_TO_NUMBER","number":"1002"},"available_no_answer_forward_rule":{"action":"FORWARD_TO_NUMBER","number":"1002","timeout":20}}';

/**
 * The columns of a PortSIP users sheet (POST /api/users), in template order. Keys are the API
 * names; first_name / last_name only build display_name; the two *_json columns carry the
 * nested parts. Synonyms are matched after normalising, so "User Name" covers "username".
 */
export const PORTSIP_USER_FIELDS: readonly FieldDef[] = [
  field(
    'name',
    'User name',
    "The sign-in name. Letters, digits, _ - ' and . only, not starting or ending with a period; admin, system, administrator and root are reserved. Unique on the PBX with case ignored, and cannot be changed later: a row whose extension belongs to a user of another name is a conflict.",
    'alice.ng',
    ['User Name', 'Login', 'Login Name', 'Account Name', 'User ID', 'SIP User', 'Sign-in Name'],
    { required: true },
  ),
  field(
    'password',
    'Password',
    `Required to create a user (a row for a new user without one is a conflict). ${SECRET_TEXT}`,
    'Change-Me-2024',
    ['User Password', 'Initial Password', 'Web Password', 'Portal Password'],
    { secret: true },
  ),
  field(
    'extension_number',
    'Extension',
    'The extension: 3 to 64 digits, kept as text (0101 and 101 are two extensions). Identifies the user: a row whose extension exists updates that user. Unique in the sheet.',
    '1001',
    ['Ext', 'Ext.', 'Extension', 'Ext Number', 'Extension No', 'Phone Extension', 'Short Dial'],
    { required: true },
  ),
  field(
    'extension_password',
    'Extension password',
    `The SIP registration password of the extension. ${SECRET_TEXT}`,
    '',
    ['Extension Password', 'SIP Password', 'Ext Password', 'Phone Password', 'SIP Secret'],
    { secret: true },
  ),
  field(
    'display_name',
    'Display name',
    'The name shown to callers and in the directory. When empty, first_name and last_name are joined to make it.',
    'Alice Ng',
    ['Full Name', 'Caller Name', 'Directory Name', 'Preferred Full Name'],
  ),
  field(
    'first_name',
    'First name',
    'Used only to build display_name ("First Last") when display_name is empty; PortSIP keeps no separate first name.',
    '',
    ['First Name', 'Given Name', 'First', 'Forename', 'Firstname', 'Preferred First Name'],
  ),
  field(
    'last_name',
    'Last name',
    'Used only to build display_name when display_name is empty.',
    '',
    ['Last Name', 'Surname', 'Last', 'Family Name', 'Lastname'],
  ),
  field(
    'email',
    'Email',
    'An email address (voicemail notifications go there). Not required to be unique.',
    'alice.ng@example.com',
    ['E-mail', 'Work Email', 'Email Address', 'Business Email', 'Mail', 'Primary Email'],
  ),
  field(
    'role',
    'Role',
    'A built-in role (SystemAdmin, Replicator, Dealer, Admin, StandardUser, StandardInternationalUser, QueueManager; case does not matter) or a custom role that exists on the PBX. Empty: StandardUser for a new user, unchanged for an existing one. A changed role is applied with POST /api/users/{id}/role.',
    'StandardUser',
    ['User Role', 'Access Role', 'Permission Role', 'PBX Role'],
  ),
  {
    ...flag(
      'enabled',
      'Enabled',
      'No disables the extension for now; empty means Yes for a new user.',
      ['Active', 'Account Enabled', 'Is Active', 'User Enabled'],
    ),
    example: 'Yes',
  },
  field('mobile_phone', 'Mobile phone', 'Text, sent as written.', '', [
    'Mobile',
    'Mobile Number',
    'Cell',
    'Cell Phone',
    'Cellphone',
  ]),
  field('work_phone', 'Work phone', 'The office phone number; text, sent as written.', '', [
    'Office Phone',
    'Business Phone',
    'Work Number',
    'Direct Dial',
    'Telephone',
  ]),
  field('home_phone', 'Home phone', 'Text, sent as written.', '', [
    'Home Number',
    'Personal Phone',
    'Private Phone',
  ]),
  field('address', 'Address', 'Text.', '', ['Street Address', 'Office Address', 'Work Address']),
  field('department', 'Department', 'Text.', 'Sales', [
    'Dept',
    'Team',
    'Division',
    'Business Unit',
    'Org Unit',
  ]),
  flag('enable_audio_recording', 'Audio recording', 'Records all calls as audio on the server.', [
    'Audio Recording',
    'Record Calls',
    'Call Recording',
  ]),
  flag('enable_video_recording', 'Video recording', 'Records all video calls on the server.', [
    'Video Recording',
    'Record Video',
  ]),
  flag('enable_dnd', 'Do not disturb', 'Do Not Disturb.', ['DND', 'Do Not Disturb']),
  flag('enable_acb', 'Automatic callback', 'Automatic Callback (ACB).', [
    'ACB',
    'Auto Call Back',
    'Auto Callback',
    'Automatic Callback',
  ]),
  flag('enable_hot_desking', 'Hot desking', 'The hot desking feature.', [
    'Hot Desking',
    'Hot Desk',
  ]),
  flag('anonymous_outbound_calls', 'Anonymous outbound', 'Always call out anonymously.', [
    'Anonymous Outbound',
    'Anonymous Calls',
    'Hide Caller ID',
  ]),
  flag('delivery_outbound_cid', 'Deliver caller ID', 'Always deliver the outbound caller ID.', [
    'Deliver Outbound Caller ID',
    'Delivery Outbound CID',
    'Send Caller ID',
  ]),
  choice(
    'sms',
    'SMS',
    'SMS/MMS: off, on with the outbound caller ID, or on with the trunk sender ID.',
    PORTSIP_SMS_MODES,
    ['SMS Mode', 'SMS/MMS', 'Text Messaging'],
  ),
  field(
    'voicemail_prompt',
    'Voicemail language',
    'The voicemail prompt language as a BCP 47 tag (language-REGION), e.g. en-US, fr-FR, zh-Hans-CN.',
    'en-US',
    ['Language', 'Voicemail Language', 'Prompt Language', 'Voicemail Prompt', 'Locale'],
  ),
  flag('enable_voicemail_pin', 'Voicemail PIN required', 'Whether the PIN is asked for.', [
    'Require Voicemail PIN',
    'Voicemail PIN Required',
  ]),
  field(
    'voicemail_pin',
    'Voicemail PIN',
    `6 to 10 digits, no digit three times in a row ("111") and no ascending run ("012", "789"). ${SECRET_TEXT}`,
    '',
    ['VM PIN', 'Mailbox PIN', 'Voicemail Password', 'PIN'],
    { secret: true },
  ),
  flag('enable_voicemail_notify', 'Voicemail to email', 'Emails a notice of each new voicemail.', [
    'Voicemail Notify',
    'Voicemail Email',
    'Voicemail Notification',
  ]),
  choice(
    'voicemail_play_datetime',
    'Play date and time',
    'How a message’s date and time are announced.',
    PORTSIP_PLAY_DATETIME,
    ['Play Date Time', 'Announce Date and Time', 'Voicemail Date Time'],
  ),
  choice(
    'interface',
    'Provisioning interface',
    'The interface for QR code or auto provisioning.',
    PORTSIP_INTERFACES,
    ['Provisioning Interface', 'QR Interface'],
  ),
  choice('preferred_transport', 'Transport', 'The preferred SIP transport.', PORTSIP_TRANSPORTS, [
    'SIP Transport',
    'Preferred Transport',
  ]),
  field(
    'office_hours_json',
    'Office hours (JSON)',
    'Optional. The user’s office hours as the API’s office_hours object, in JSON: {"mode":"CUSTOM","monday":{"enabled":true,"ranges":[{"from":"09:00","to":"17:00"}]},…}. Days are monday…sunday (each optional), times HH:MM with from before to; mode is an upper-case code. Unknown keys are errors. Replaces the whole office_hours object.',
    '',
    ['Office Hours', 'Business Hours', 'Working Hours'],
  ),
  field(
    'forward_rules_json',
    'Forward rules (JSON)',
    `Optional. Call forwarding as a JSON object whose keys are the API's rule fields: <state>_office_hours_forward_rule and <state>_non_office_hours_forward_rule for available, busy, dnd, away, lunch, trip and offline; available_no_answer_forward_rule and busy_no_answer_forward_rule (these two also take "timeout" in whole seconds); custom_forward_rules (a list of rules with "type" and optional "caller_id" and "hours"). A rule is {"action":"FORWARD_TO_NUMBER","number":"…"}; number is required for FORWARD_TO_NUMBER. Only the rules given are changed. Example: ${FORWARD_EXAMPLE}`,
    '',
    ['Forward Rules', 'Call Forwarding', 'Forwarding Rules', 'Forwarding'],
  ),
];
