import {
  PORTSIP_INTERFACES,
  PORTSIP_PLAY_DATETIME,
  PORTSIP_SMS_MODES,
  PORTSIP_TRANSPORTS,
} from './portsip-rules';

/**
 * The PortSIP user body fields a sheet sets, grouped by how a cell becomes a value. One list
 * per group so the builder, the comparator, the adapter and the export agree on them.
 */

/** Free-text fields, sent as written. */
export const USER_TEXT_FIELDS = [
  'display_name',
  'mobile_phone',
  'work_phone',
  'home_phone',
  'address',
  'department',
] as const;

/** Yes/No fields (the API's booleans). */
export const USER_FLAG_FIELDS = [
  'enabled',
  'enable_audio_recording',
  'enable_video_recording',
  'enable_dnd',
  'enable_acb',
  'enable_hot_desking',
  'anonymous_outbound_calls',
  'delivery_outbound_cid',
  'enable_voicemail_pin',
  'enable_voicemail_notify',
] as const;

/** Enum fields and the values each takes (upper-case, as the API spells them). */
export const USER_ENUM_FIELDS = {
  sms: PORTSIP_SMS_MODES,
  voicemail_play_datetime: PORTSIP_PLAY_DATETIME,
  interface: PORTSIP_INTERFACES,
  preferred_transport: PORTSIP_TRANSPORTS,
} as const;
export type UserEnumField = keyof typeof USER_ENUM_FIELDS;
export const USER_ENUM_KEYS = Object.keys(USER_ENUM_FIELDS) as UserEnumField[];

/**
 * Secrets: no endpoint returns them, so they cannot be compared or exported. They are sent
 * when a user is created and left alone on update (see the field descriptions for why).
 */
export const USER_SECRET_FIELDS = ['password', 'extension_password', 'voicemail_pin'] as const;

/**
 * Fields POST /api/users/{id} refuses (the name and extension are fixed; passwords have
 * their own calls; the role goes through /role), plus the voicemail PIN, which we keep out of
 * updates on purpose like the other secrets.
 */
export const USER_NOT_UPDATED = [
  'name',
  'extension_number',
  'role',
  ...USER_SECRET_FIELDS,
] as const;

/** The fields GET /api/users lists for every user; the rest need GET /api/users/{id}. */
export const USER_LISTED_FIELDS = [
  'name',
  'enabled',
  'email',
  'display_name',
  'role',
  'mobile_phone',
  'work_phone',
  'home_phone',
  'address',
  'department',
  'extension_number',
] as const;
