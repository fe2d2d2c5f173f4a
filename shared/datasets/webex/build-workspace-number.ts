import type { CountryCode } from 'libphonenumber-js/max';
import type { FieldWarning, MappedRecord } from '../dataset';
import { parseYesNo } from '../cell-values';
import { normalisePhone } from '../../phone/normalise-phone';
import {
  EXTENSION_PATTERN,
  RING_PATTERNS,
  WORKSPACE_ID_PATTERN,
  type RingPattern,
  type WorkspaceNumberAction,
} from './workspace-number-fields';

/**
 * One row of a workspace numbers sheet: which workspace, and one entry of the PUT body's
 * `phoneNumbers` plus the workspace-wide `distinctiveRingEnabled` the row asks for.
 */
export interface WebexWorkspaceNumberPayload {
  workspaceId: string;
  action: WorkspaceNumberAction;
  /** E.164. */
  phoneNumber?: string;
  extension?: string;
  primary?: boolean;
  ringPattern?: RingPattern;
  distinctiveRingEnabled?: boolean;
}

/** A field-level problem of a row; becomes a zod issue, then a RowIssue on its column. */
export type FieldProblem = FieldWarning;

const SEPARATORS = /[\s-]+/g;

/** "long long", "Long-Long", "long_long" → LONG_LONG; undefined when it names no pattern. */
export function ringPatternOf(value: string): RingPattern | undefined {
  const key = value.trim().toUpperCase().replace(SEPARATORS, '_');
  return (RING_PATTERNS as readonly string[]).includes(key) ? (key as RingPattern) : undefined;
}

/** ADD or DELETE in any case; an empty cell is ADD (see the action field's description). */
export function actionOf(value: string | undefined): WorkspaceNumberAction | undefined {
  if (value === undefined) {
    return 'ADD';
  }
  const upper = value.trim().toUpperCase();
  return upper === 'ADD' || upper === 'DELETE' ? upper : undefined;
}

/**
 * Builds the payload of one mapped record, or collects why it cannot be built.
 *
 * Hand-written like the Zoom users builder, so every message reads the way an admin needs
 * it ("ring_pattern must be one of …, got 'loud'"). Returns undefined when `problems` grew.
 * `country` reads numbers written without +; the dataset passes US when none is chosen,
 * since the spec's only national format is the US one.
 */
export function buildWorkspaceNumber(
  record: MappedRecord,
  country: CountryCode,
  problems: FieldProblem[],
): WebexWorkspaceNumberPayload | undefined {
  const before = problems.length;
  const workspaceId = record.workspace_id;
  if (workspaceId === undefined) {
    problems.push(problem('workspace_id', 'REQUIRED', 'workspace_id is required'));
  } else if (!WORKSPACE_ID_PATTERN.test(workspaceId)) {
    problems.push(
      problem(
        'workspace_id',
        'INVALID_WORKSPACE_ID',
        `workspace_id must be a Webex workspace id (no spaces, / ? or #, at most 256 characters), got '${workspaceId}'`,
      ),
    );
  }
  const action = actionOf(record.action);
  if (action === undefined) {
    problems.push(
      problem('action', 'INVALID_ACTION', `action must be ADD or DELETE, got '${record.action}'`),
    );
  }
  let phoneNumber: string | undefined;
  if (record.phone_number !== undefined) {
    const parsed = normalisePhone(record.phone_number, country);
    if (parsed.ok) {
      phoneNumber = parsed.e164;
    } else {
      problems.push(problem('phone_number', parsed.code, `phone_number: ${parsed.reason}`));
    }
  }
  const extension = record.extension;
  if (extension !== undefined && !EXTENSION_PATTERN.test(extension)) {
    problems.push(
      problem(
        'extension',
        'INVALID_EXTENSION',
        `extension must be 2-10 digits, got '${extension}'`,
      ),
    );
  }
  if (record.phone_number === undefined && extension === undefined) {
    problems.push(
      problem(
        'phone_number',
        'NUMBER_OR_EXTENSION_REQUIRED',
        'give phone_number or extension (or both): a row must name the number it assigns or removes',
      ),
    );
  }
  const primary = yesNo(record, 'primary', problems);
  const distinctiveRingEnabled = yesNo(record, 'distinctive_ring', problems);
  let ringPattern: RingPattern | undefined;
  if (record.ring_pattern !== undefined) {
    ringPattern = ringPatternOf(record.ring_pattern);
    if (ringPattern === undefined) {
      problems.push(
        problem(
          'ring_pattern',
          'INVALID_RING_PATTERN',
          `ring_pattern must be one of ${RING_PATTERNS.join(', ')} (case and spaces do not matter), got '${record.ring_pattern}'`,
        ),
      );
    }
  }
  if (problems.length > before || workspaceId === undefined || action === undefined) {
    return undefined;
  }
  const payload: WebexWorkspaceNumberPayload = { workspaceId, action };
  if (phoneNumber !== undefined) {
    payload.phoneNumber = phoneNumber;
  }
  if (extension !== undefined) {
    payload.extension = extension;
  }
  // A removed number has no ring or primary left to set: DELETE rows drop them (with a warning).
  if (action === 'ADD' && primary !== undefined) {
    payload.primary = primary;
  }
  if (action === 'ADD' && ringPattern !== undefined) {
    payload.ringPattern = ringPattern;
  }
  if (distinctiveRingEnabled !== undefined) {
    payload.distinctiveRingEnabled = distinctiveRingEnabled;
  }
  return payload;
}

function problem(field: string, code: string, message: string): FieldProblem {
  return { field, code, message };
}

function yesNo(
  record: MappedRecord,
  key: 'primary' | 'distinctive_ring',
  problems: FieldProblem[],
): boolean | undefined {
  const value = record[key];
  if (value === undefined) {
    return undefined;
  }
  const parsed = parseYesNo(value);
  if (parsed === undefined) {
    problems.push(
      problem(
        key,
        'INVALID_YES_NO',
        `${key} must be Yes or No (or Y/N, true/false, 1/0), got '${value}'`,
      ),
    );
  }
  return parsed;
}
