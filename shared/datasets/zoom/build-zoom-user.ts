import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js/max';
import type { FieldWarning, MappedRecord } from '../dataset';
import { parseYesNo } from '../cell-values';
import { normalisePhone } from '../../phone/normalise-phone';
import {
  DESK_PHONE_FIELDS,
  EMAIL_MAX,
  EXTENSION_PATTERN,
  NAME_MAX,
  PHONE_LIST_SEPARATORS,
  PLAN_LIST_SEPARATORS,
  TEXT_MAX,
} from './zoom-user-fields';
import { listOf, macOf } from './list-cells';

// Built once, not per row: the name fields, and the free-text fields with the generic limit.
const NAME_FIELDS = ['first_name', 'last_name'] as const;
const TEXT_FIELDS = ['site_code', 'site_name', 'template_name', ...DESK_PHONE_FIELDS] as const;

/** One desk phone of a Zoom Phone user, as POST /phone/users/batch takes it. */
export interface ZoomDeskPhone {
  brand?: string;
  model?: string;
  mac: string;
  provision_template?: string;
}

/** One item of POST /phone/users/batch's `users` array. */
export interface ZoomUserPayload {
  email: string;
  extension_number: string;
  calling_plans: string[];
  first_name?: string;
  last_name?: string;
  phone_numbers?: string[];
  outbound_caller_id?: string;
  select_outbound_caller_id?: boolean;
  sms?: boolean;
  site_code?: string;
  site_name?: string;
  template_name?: string;
  desk_phones?: ZoomDeskPhone[];
}

/** A field-level problem found while building a payload; becomes a zod issue, then a RowIssue. */
export type FieldProblem = FieldWarning;

/**
 * Builds the Zoom user payload of one mapped record, or collects why it cannot be built.
 *
 * Hand-written checks rather than a zod object: one pass, no intermediate objects, and every
 * message in the form the admin reads ("extension_number must be 2-15 digits, got '12a'").
 * Returns undefined when `problems` gained an entry.
 */
export function buildZoomUser(
  record: MappedRecord,
  country: CountryCode | undefined,
  problems: FieldProblem[],
): ZoomUserPayload | undefined {
  const before = problems.length;

  const email = record.email;
  if (email === undefined) {
    fail(problems, 'email', 'REQUIRED', 'email is required');
  } else if (email.length > EMAIL_MAX) {
    fail(
      problems,
      'email',
      'TOO_LONG',
      `email must be at most ${EMAIL_MAX} characters, got ${email.length}`,
    );
  } else if (!z.regexes.email.test(email)) {
    fail(problems, 'email', 'INVALID_EMAIL', `email must be a valid email address, got '${email}'`);
  }

  const extension = record.extension_number;
  if (extension === undefined) {
    fail(problems, 'extension_number', 'REQUIRED', 'extension_number is required');
  } else if (!EXTENSION_PATTERN.test(extension)) {
    fail(
      problems,
      'extension_number',
      'INVALID_EXTENSION',
      `extension_number must be 2-15 digits, got '${extension}'`,
    );
  }

  const plans =
    record.calling_plans === undefined ? [] : listOf(record.calling_plans, PLAN_LIST_SEPARATORS);
  if (plans.length === 0) {
    fail(
      problems,
      'calling_plans',
      'REQUIRED',
      'calling_plans is required: give at least one calling plan name (several separated by ;)',
    );
  }

  for (const key of NAME_FIELDS) {
    const value = record[key];
    if (value !== undefined && value.length > NAME_MAX) {
      fail(
        problems,
        key,
        'TOO_LONG',
        `${key} must be at most ${NAME_MAX} characters, got ${value.length}`,
      );
    }
  }
  for (const key of TEXT_FIELDS) {
    const value = record[key];
    if (value !== undefined && value.length > TEXT_MAX) {
      fail(
        problems,
        key,
        'TOO_LONG',
        `${key} must be at most ${TEXT_MAX} characters, got ${value.length}`,
      );
    }
  }

  const phones =
    record.phone_numbers === undefined
      ? undefined
      : phoneList(record.phone_numbers, country, problems);
  let callerId: string | undefined;
  if (record.outbound_caller_id !== undefined) {
    const parsed = normalisePhone(record.outbound_caller_id, country);
    if (parsed.ok) {
      callerId = parsed.e164;
    } else {
      fail(problems, 'outbound_caller_id', parsed.code, `outbound_caller_id: ${parsed.reason}`);
    }
  }
  const selectCallerId = yesNo(record, 'select_outbound_caller_id', problems);
  const sms = yesNo(record, 'sms', problems);
  const deskPhone = deskPhoneOf(record, problems);

  if (problems.length > before || email === undefined || extension === undefined) {
    return undefined;
  }
  const payload: ZoomUserPayload = {
    email,
    extension_number: extension,
    calling_plans: plans.length === 1 ? plans : [...new Set(plans)],
  };
  setIf(payload, 'first_name', record.first_name);
  setIf(payload, 'last_name', record.last_name);
  setIf(payload, 'phone_numbers', phones !== undefined && phones.length > 0 ? phones : undefined);
  setIf(payload, 'outbound_caller_id', callerId);
  setIf(payload, 'select_outbound_caller_id', selectCallerId);
  setIf(payload, 'sms', sms);
  // Zoom identifies a site by one of the two; site_code is exact, so it wins (see warnings).
  setIf(payload, 'site_code', record.site_code);
  setIf(payload, 'site_name', record.site_code === undefined ? record.site_name : undefined);
  setIf(payload, 'template_name', record.template_name);
  setIf(payload, 'desk_phones', deskPhone === undefined ? undefined : [deskPhone]);
  return payload;
}

/** Records a problem; a module function, not a closure made for every row. */
function fail(problems: FieldProblem[], field: string, code: string, message: string): void {
  problems.push({ field, code, message });
}

function phoneList(
  cell: string,
  country: CountryCode | undefined,
  problems: FieldProblem[],
): string[] {
  const numbers: string[] = [];
  for (const raw of listOf(cell, PHONE_LIST_SEPARATORS)) {
    const parsed = normalisePhone(raw, country);
    if (!parsed.ok) {
      fail(problems, 'phone_numbers', parsed.code, `phone_numbers: ${parsed.reason}`);
    } else if (numbers.includes(parsed.e164)) {
      fail(
        problems,
        'phone_numbers',
        'PHONE_REPEATED',
        `phone_numbers lists ${parsed.e164} more than once`,
      );
    } else {
      numbers.push(parsed.e164);
    }
  }
  return numbers;
}

function yesNo(
  record: MappedRecord,
  key: 'sms' | 'select_outbound_caller_id',
  problems: FieldProblem[],
): boolean | undefined {
  const value = record[key];
  if (value === undefined) {
    return undefined;
  }
  // The two spellings most sheets use skip the lower-casing and set lookups.
  const parsed = value === 'Yes' ? true : value === 'No' ? false : parseYesNo(value);
  if (parsed === undefined) {
    fail(
      problems,
      key,
      'INVALID_YES_NO',
      `${key} must be Yes or No (or Y/N, true/false, 1/0), got '${value}'`,
    );
  }
  return parsed;
}

function deskPhoneOf(record: MappedRecord, problems: FieldProblem[]): ZoomDeskPhone | undefined {
  // Most rows have no desk phone: check before building the list of filled columns.
  if (!DESK_PHONE_FIELDS.some((key) => record[key] !== undefined)) {
    return undefined;
  }
  const filled = DESK_PHONE_FIELDS.filter((key) => record[key] !== undefined);
  const rawMac = record.desk_phone_mac;
  if (rawMac === undefined) {
    fail(
      problems,
      'desk_phone_mac',
      'REQUIRED',
      `desk_phone_mac is required when ${filled.join(', ')} is filled`,
    );
    return undefined;
  }
  const mac = macOf(rawMac);
  if (mac === undefined) {
    fail(
      problems,
      'desk_phone_mac',
      'INVALID_MAC',
      `desk_phone_mac must be 12 hex digits (e.g. 00:1A:2B:3C:4D:5E), got '${rawMac}'`,
    );
    return undefined;
  }
  const phone: ZoomDeskPhone = { mac };
  setIf(phone, 'brand', record.desk_phone_brand);
  setIf(phone, 'model', record.desk_phone_model);
  setIf(phone, 'provision_template', record.desk_phone_provision_template);
  return phone;
}

/** Sets an optional property only when there is a value, so payloads carry no undefined keys. */
function setIf<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) {
    target[key] = value;
  }
}
