import type { FieldDef } from '../dataset';
import { fieldDef, YES_NO_CHOICES } from '../field-def';

/** What a row asks of a workspace's number: assign it or take it away (the spec's `action`). */
export const WORKSPACE_NUMBER_ACTIONS = ['ADD', 'DELETE'] as const;
export type WorkspaceNumberAction = (typeof WORKSPACE_NUMBER_ACTIONS)[number];

/** The spec's ring patterns, in the order it lists them. */
export const RING_PATTERNS = [
  'NORMAL',
  'LONG_LONG',
  'SHORT_SHORT_LONG',
  'SHORT_LONG_SHORT',
] as const;
export type RingPattern = (typeof RING_PATTERNS)[number];

/**
 * Extension length. Webex lets each location choose its extension length (2 to 10 digits);
 * the location's exact rule stays for Webex to enforce.
 */
export const EXTENSION_PATTERN = /^\d{2,10}$/;

/**
 * A workspace id as it can sit in the URL path. Webex ids are base64 text; whitespace, `/`,
 * `?` and `#` mean the cell holds something else (a name, a URL) and would break the path.
 */
export const WORKSPACE_ID_PATTERN = /^[^\s/?#]{1,256}$/;

/**
 * Numbers per PUT. The spec sets no limit; 20 covers a busy workspace in one call while a
 * refused call, which the push engine splits in halves to find the bad row, stays cheap.
 */
export const NUMBERS_PER_CALL = 20;

/**
 * The columns of a Webex Calling workspace numbers sheet
 * (PUT /telephony/config/workspaces/{workspaceId}/numbers), in template and export order.
 *
 * "Workspace" and "Workspace Name" are deliberately not synonyms of workspace_id: a name in
 * that column would only come back as "workspace not found" from every call.
 */
export const WORKSPACE_NUMBER_FIELDS: readonly FieldDef[] = [
  fieldDef(
    'workspace_id',
    'Workspace ID',
    true,
    'The Webex workspace id (from Control Hub or the workspaces API). Rows of one workspace are sent together in one call.',
    'Y2lzY29zcGFyazovL3VzL1BMQUNFL2RlbW8tbG9iYnk',
    ['Workspace ID', 'WorkspaceId', 'Workspace Identifier', 'Place ID', 'Webex Workspace ID'],
  ),
  fieldDef(
    'phone_number',
    'Phone number',
    false,
    'The number to assign or remove, as E.164 (+14155550100); numbers without + are read as US national numbers (or in the default country). Give phone_number, extension or both.',
    '+14155550150',
    [
      'Number',
      'Phone Number',
      'Phone',
      'DID',
      'DDI',
      'Direct Dial',
      'Direct Number',
      'Direct Line',
      'Telephone Number',
      'Alternate Number',
      'Workspace Number',
      'E164',
    ],
  ),
  fieldDef(
    'extension',
    'Extension',
    false,
    '2 to 10 digits, as the location allows. Give phone_number, extension or both.',
    '1150',
    ['Ext', 'Ext.', 'Extension Number', 'Ext Number', 'Internal Number', 'Short Number'],
  ),
  fieldDef(
    'action',
    'Action',
    false,
    'ADD to assign the number to the workspace, DELETE to remove it. Empty means ADD: removing is never implied.',
    'ADD',
    ['Action', 'Operation', 'Add/Delete', 'Change'],
    WORKSPACE_NUMBER_ACTIONS,
  ),
  fieldDef(
    'primary',
    'Primary',
    false,
    'Yes/No (also Y/N, true/false, 1/0): whether this is the primary number of the workspace. At most one per workspace; ignored on DELETE rows.',
    'No',
    ['Primary', 'Is Primary', 'Primary Number', 'Main Number'],
    YES_NO_CHOICES,
  ),
  fieldDef(
    'ring_pattern',
    'Ring pattern',
    false,
    'NORMAL, LONG_LONG, SHORT_SHORT_LONG or SHORT_LONG_SHORT (case, spaces and hyphens do not matter: "long long" is LONG_LONG). Ignored on DELETE rows.',
    'NORMAL',
    ['Ring Pattern', 'Ringing Pattern', 'Ring Type', 'Ring'],
    RING_PATTERNS,
  ),
  fieldDef(
    'distinctive_ring',
    'Distinctive ring',
    false,
    'Yes/No: whether distinctive ring is enabled for the workspace. It is one setting per workspace, so rows of a workspace must agree.',
    'Yes',
    [
      'Distinctive Ring',
      'Distinctive Ring Enabled',
      'Distinctive Ringing',
      'distinctiveRingEnabled',
    ],
    YES_NO_CHOICES,
  ),
];
