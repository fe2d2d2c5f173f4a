import type { FieldWarning, MappedRecord } from '../dataset';
import { parseYesNo } from '../cell-values';
import {
  checkEmail,
  checkEnum,
  checkExtensionNumber,
  checkLanguageTag,
  checkUserName,
  checkVoicemailPin,
  isReservedUserName,
  PORTSIP_BUILT_IN_ROLES,
} from './portsip-rules';
import {
  USER_ENUM_FIELDS,
  USER_ENUM_KEYS,
  USER_FLAG_FIELDS,
  USER_TEXT_FIELDS,
  USER_SECRET_FIELDS,
} from './user-field-keys';
import {
  ForwardRulesSchema,
  OfficeHoursSchema,
  parseJsonCell,
  type PortsipForwardRules,
  type PortsipOfficeHours,
} from './user-json-columns';

/**
 * One POST /api/users body, with only the fields the row sets. Forward rules sit at the top
 * level under their API names (busy_office_hours_forward_rule…), as the API takes them.
 */
export type PortsipUserPayload = {
  name: string;
  extension_number: string;
  password?: string;
  extension_password?: string;
  email?: string;
  role?: string;
  voicemail_prompt?: string;
  voicemail_pin?: string;
  office_hours?: PortsipOfficeHours;
} & Partial<Record<(typeof USER_TEXT_FIELDS)[number], string>> &
  Partial<Record<(typeof USER_FLAG_FIELDS)[number], boolean>> &
  Partial<Record<(typeof USER_ENUM_KEYS)[number], string>> &
  PortsipForwardRules;

/**
 * Builds the PortSIP user body of one mapped record, or records why it cannot be built.
 * Every rule comes from portsip-rules.ts, the rules the PBX (and its simulator) enforce; each
 * problem names its field so it lands on the sheet's column. Returns undefined on a problem.
 */
export function buildPortsipUser(
  record: MappedRecord,
  problems: FieldWarning[],
): PortsipUserPayload | undefined {
  const before = problems.length;
  const fail = (field: string, code: string, message: string) =>
    problems.push({ field, code, message });
  const rule = (field: string, code: string, check: (value: string) => string | undefined) => {
    const value = record[field];
    const problem = value === undefined ? undefined : check(value);
    if (problem !== undefined) {
      // A secret (the voicemail PIN) is never echoed: messages reach results files and logs.
      const secret = (USER_SECRET_FIELDS as readonly string[]).includes(field);
      fail(field, code, secret ? `${field} ${problem}` : `${field} ${problem}, got '${value}'`);
    }
    return value;
  };

  const name = record.name;
  if (name === undefined) {
    fail('name', 'REQUIRED', 'name is required');
  } else {
    rule('name', isReservedUserName(name) ? 'RESERVED_NAME' : 'INVALID_NAME', checkUserName);
  }
  const extension = record.extension_number;
  if (extension === undefined) {
    fail('extension_number', 'REQUIRED', 'extension_number is required');
  } else {
    rule('extension_number', 'INVALID_EXTENSION', checkExtensionNumber);
  }
  rule('email', 'INVALID_EMAIL', checkEmail);
  rule('voicemail_pin', 'INVALID_PIN', checkVoicemailPin);
  const language = rule('voicemail_prompt', 'INVALID_LANGUAGE', checkLanguageTag);

  const payload: Record<string, unknown> = {};
  for (const key of USER_FLAG_FIELDS) {
    const value = record[key];
    if (value !== undefined) {
      const parsed = parseYesNo(value);
      if (parsed === undefined) {
        fail(
          key,
          'INVALID_YES_NO',
          `${key} must be Yes or No (or TRUE/FALSE, Y/N, 1/0), got '${value}'`,
        );
      }
      payload[key] = parsed;
    }
  }
  for (const key of USER_ENUM_KEYS) {
    const value = record[key];
    if (value !== undefined) {
      const upper = value
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_');
      const problem = checkEnum(upper, USER_ENUM_FIELDS[key]);
      if (problem !== undefined) {
        fail(key, 'INVALID_CHOICE', `${key} ${problem}, got '${value}'`);
      }
      payload[key] = upper;
    }
  }
  const officeHours = jsonColumn(record, 'office_hours_json', OfficeHoursSchema, problems);
  const forwardRules = jsonColumn(record, 'forward_rules_json', ForwardRulesSchema, problems);

  if (problems.length > before || name === undefined || extension === undefined) {
    return undefined;
  }
  const user: Record<string, unknown> = { name, extension_number: extension };
  for (const key of [
    'password',
    'extension_password',
    'email',
    'voicemail_pin',
    ...USER_TEXT_FIELDS,
  ]) {
    if (record[key] !== undefined) {
      user[key] = record[key];
    }
  }
  const display = record.display_name ?? joinName(record.first_name, record.last_name);
  if (display !== undefined) {
    user.display_name = display;
  }
  if (record.role !== undefined) {
    user.role = builtInSpelling(record.role);
  }
  if (language !== undefined) {
    user.voicemail_prompt = canonicalLanguageTag(language);
  }
  Object.assign(user, payload);
  if (officeHours !== undefined) {
    user.office_hours = officeHours;
  }
  Object.assign(user, forwardRules);
  return user as PortsipUserPayload;
}

function jsonColumn<T>(
  record: MappedRecord,
  column: string,
  schema: Parameters<typeof parseJsonCell<T>>[2],
  problems: FieldWarning[],
): T | undefined {
  const cell = record[column];
  if (cell === undefined) {
    return undefined;
  }
  const parsed = parseJsonCell(column, cell, schema);
  if (!parsed.ok) {
    problems.push(...parsed.problems.map((problem) => ({ field: column, ...problem })));
    return undefined;
  }
  return parsed.value;
}

function joinName(first: string | undefined, last: string | undefined): string | undefined {
  const joined = [first, last].filter((part) => part !== undefined).join(' ');
  return joined === '' ? undefined : joined;
}

/** A built-in role in the PBX's spelling ("standarduser" → StandardUser); custom roles as given. */
function builtInSpelling(role: string): string {
  const lower = role.toLowerCase();
  return PORTSIP_BUILT_IN_ROLES.find((builtIn) => builtIn.toLowerCase() === lower) ?? role;
}

/**
 * A language tag in its conventional case (en-us → en-US, zh-hans-cn → zh-Hans-CN): tags are
 * case-insensitive, and one spelling keeps a re-imported export from looking changed.
 */
export function canonicalLanguageTag(tag: string): string {
  return tag
    .split('-')
    .map((part, index) => {
      if (index === 0) {
        return part.toLowerCase();
      }
      if (part.length === 2 || /^[0-9]{3}$/.test(part)) {
        return part.toUpperCase();
      }
      return part.length === 4 && /^[A-Za-z]{4}$/.test(part)
        ? part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()
        : part.toLowerCase();
    })
    .join('-');
}
