import type { FieldWarning, MappedRecord } from '../dataset';
import type { RecordParse } from '../../validation/record-parser';
import { fieldProblem } from './portsip-record-schema';
import { CALLER_ID_SLOTS, callerIdColumns } from './group-fields';

/** One entry of a group's `outbound_caller_ids`, as the spec shapes it. */
export interface PortsipCallerId {
  caller_id: string;
  provider_id?: string;
  description?: string;
}

/** The body of POST /api/groups (create) for one row. */
export interface PortsipGroupPayload {
  name: string;
  description?: string;
  outbound_caller_ids?: PortsipCallerId[];
}

/**
 * Builds the group of one mapped record, or collects its problems: a missing name, a caller
 * ID slot with a provider or description but no caller ID, a caller ID given twice.
 */
export function buildPortsipGroup(record: MappedRecord): RecordParse<PortsipGroupPayload> {
  const problems: FieldWarning[] = [];
  const name = record.name;
  if (name === undefined) {
    problems.push(fieldProblem('name', 'REQUIRED', 'name is required'));
  }
  const callerIds: PortsipCallerId[] = [];
  for (const n of CALLER_ID_SLOTS) {
    const columns = callerIdColumns(n);
    const callerId = record[columns.callerId];
    const providerId = record[columns.providerId];
    const description = record[columns.description];
    if (callerId === undefined) {
      if (providerId !== undefined || description !== undefined) {
        // On the filled column: the empty caller ID column may not be in the sheet at all.
        const filled = providerId !== undefined ? columns.providerId : columns.description;
        problems.push(
          fieldProblem(
            filled,
            'CALLER_ID_MISSING',
            `${filled} is filled but ${columns.callerId} is empty; give the caller ID or clear the slot`,
          ),
        );
      }
      continue;
    }
    if (callerIds.some((entry) => entry.caller_id === callerId)) {
      problems.push(
        fieldProblem(
          columns.callerId,
          'CALLER_ID_REPEATED',
          `${columns.callerId} repeats caller ID ${callerId} of an earlier slot`,
        ),
      );
      continue;
    }
    const entry: PortsipCallerId = { caller_id: callerId };
    if (providerId !== undefined) {
      entry.provider_id = providerId;
    }
    if (description !== undefined) {
      entry.description = description;
    }
    callerIds.push(entry);
  }
  if (problems.length > 0 || name === undefined) {
    return { success: false, problems };
  }
  const payload: PortsipGroupPayload = { name };
  if (record.description !== undefined) {
    payload.description = record.description;
  }
  if (callerIds.length > 0) {
    payload.outbound_caller_ids = callerIds;
  }
  return { success: true, data: payload };
}
