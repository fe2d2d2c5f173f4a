import type { CountryCode } from 'libphonenumber-js/max';
import type { FieldWarning, MappedRecord } from '../dataset';
import { normalisePhone } from '../../phone/normalise-phone';
import type { WebexWorkspaceNumberPayload } from './build-workspace-number';

/**
 * The warnings of a row that parsed: a number rewritten to E.164, and cells a DELETE row
 * carries that the call cannot use (typical of an export whose action was changed to DELETE).
 *
 * Recomputed from the record and the payload, so the schema stays a pure function.
 */
export function workspaceNumberWarnings(
  record: MappedRecord,
  payload: WebexWorkspaceNumberPayload,
  country: CountryCode,
): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const original = record.phone_number;
  if (
    original !== undefined &&
    payload.phoneNumber !== undefined &&
    original !== payload.phoneNumber
  ) {
    const parsed = normalisePhone(original, country);
    const how =
      parsed.ok && parsed.restoredFromExcel
        ? { code: 'PHONE_EXCEL_RESTORED', text: "was in Excel's scientific notation; restored as" }
        : parsed.ok && parsed.lostPlus
          ? { code: 'PHONE_PLUS_RESTORED', text: "lost its '+'; read as" }
          : { code: 'PHONE_NORMALISED', text: 'was written as' };
    warnings.push({
      field: 'phone_number',
      code: how.code,
      message: `phone_number '${original}' ${how.text} ${payload.phoneNumber}`,
    });
  }
  if (payload.action === 'DELETE') {
    for (const key of ['primary', 'ring_pattern'] as const) {
      if (record[key] !== undefined) {
        warnings.push({
          field: key,
          code: 'IGNORED_ON_DELETE',
          message: `${key} '${record[key]}' is ignored: the row removes the number`,
        });
      }
    }
  }
  return warnings;
}
