import {
  RING_PATTERNS,
  type RingPattern,
} from '../../../shared/datasets/webex/workspace-number-fields';

/** One checked entry of the PUT body; the number is already in E.164. */
export interface NumberChange {
  index: number;
  action: 'ADD' | 'DELETE';
  phoneNumber?: string;
  extension?: string;
  primary?: boolean;
  ringPattern?: RingPattern;
}

/** A PUT body that passed every field rule, or the 400 message saying which did not. */
export type CheckedBody =
  | { ok: true; distinctiveRingEnabled?: boolean; changes: NumberChange[] }
  | { ok: false; message: string };

const E164 = /^\+[1-9]\d{6,14}$/;
// The spec's US national format: ten digits, area code and exchange not starting with 0 or 1.
const US_NATIONAL = /^\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})$/;
const EXTENSION = /^\d{2,10}$/;

/** E.164 as given, a US national number as +1…, or undefined for anything else. */
export function toE164(value: string): string | undefined {
  if (E164.test(value)) {
    return value;
  }
  const us = US_NATIONAL.exec(value);
  return us ? `+1${us[1]}${us[2]}${us[3]}` : undefined;
}

function checkEntry(raw: unknown, index: number): NumberChange | string {
  const at = `phoneNumbers[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return `${at} must be an object`;
  }
  const entry = raw as Record<string, unknown>;
  if (entry.action !== 'ADD' && entry.action !== 'DELETE') {
    return `${at}.action must be ADD or DELETE, got ${JSON.stringify(entry.action)}`;
  }
  const change: NumberChange = { index, action: entry.action };
  if (entry.phoneNumber !== undefined) {
    const e164 = typeof entry.phoneNumber === 'string' ? toE164(entry.phoneNumber) : undefined;
    if (e164 === undefined) {
      return `${at}.phoneNumber must be E.164 (or a US national number), got ${JSON.stringify(entry.phoneNumber)}`;
    }
    change.phoneNumber = e164;
  }
  if (entry.extension !== undefined) {
    if (typeof entry.extension !== 'string' || !EXTENSION.test(entry.extension)) {
      return `${at}.extension must be 2-10 digits, got ${JSON.stringify(entry.extension)}`;
    }
    change.extension = entry.extension;
  }
  if (change.phoneNumber === undefined && change.extension === undefined) {
    return `${at} needs a phoneNumber or an extension`;
  }
  if (entry.primary !== undefined) {
    if (typeof entry.primary !== 'boolean') {
      return `${at}.primary must be true or false, got ${JSON.stringify(entry.primary)}`;
    }
    change.primary = entry.primary;
  }
  if (entry.ringPattern !== undefined) {
    if (!(RING_PATTERNS as readonly unknown[]).includes(entry.ringPattern)) {
      return `${at}.ringPattern must be one of ${RING_PATTERNS.join(', ')}, got ${JSON.stringify(entry.ringPattern)}`;
    }
    change.ringPattern = entry.ringPattern as RingPattern;
  }
  return change;
}

/**
 * The field rules of the PUT body (specs/webex-workspace-numbers.txt): `phoneNumbers`
 * required and non-empty, each entry's action, number format, extension, primary and ring
 * pattern; within one body, a number or extension given twice and more than one primary
 * are refused too, since the result would depend on the order Webex applies them in.
 */
export function checkNumbersBody(body: unknown): CheckedBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'The request body must be a JSON object.' };
  }
  const { phoneNumbers, distinctiveRingEnabled } = body as Record<string, unknown>;
  if (distinctiveRingEnabled !== undefined && typeof distinctiveRingEnabled !== 'boolean') {
    return { ok: false, message: 'distinctiveRingEnabled must be true or false.' };
  }
  if (!Array.isArray(phoneNumbers) || phoneNumbers.length === 0) {
    return { ok: false, message: 'phoneNumbers is required and must list at least one number.' };
  }
  const changes: NumberChange[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of phoneNumbers.entries()) {
    const change = checkEntry(raw, index);
    if (typeof change === 'string') {
      return { ok: false, message: change };
    }
    const keys = [
      ...(change.phoneNumber ? [`number ${change.phoneNumber}`] : []),
      ...(change.extension ? [`extension ${change.extension}`] : []),
    ];
    for (const key of keys) {
      const first = seen.get(key);
      if (first !== undefined) {
        return {
          ok: false,
          message: `phoneNumbers[${index}]: ${key} repeats phoneNumbers[${first}] in the same request`,
        };
      }
      seen.set(key, index);
    }
    changes.push(change);
  }
  const primaries = changes.filter((c) => c.action === 'ADD' && c.primary === true);
  if (primaries.length > 1) {
    return {
      ok: false,
      message: `Only one phone number can be primary: ${primaries.map((c) => `phoneNumbers[${c.index}] (${c.phoneNumber ?? c.extension ?? ''})`).join(' and ')} are both primary.`,
    };
  }
  return {
    ok: true,
    ...(typeof distinctiveRingEnabled === 'boolean' ? { distinctiveRingEnabled } : {}),
    changes,
  };
}
