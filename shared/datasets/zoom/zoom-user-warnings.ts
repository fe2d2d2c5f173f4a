import type { FieldWarning, MappedRecord } from '../dataset';
import { splitList } from '../cell-values';
import type { ZoomUserPayload } from './build-zoom-user';
import { PHONE_LIST_SEPARATORS, PLAN_LIST_SEPARATORS } from './zoom-user-fields';

const SCIENTIFIC_HINT = /[eE]\+?\d/;

/**
 * The warnings of a Zoom user row that parsed: what batchline changed or chose.
 *
 * Recomputed from the record and its payload instead of remembered during parsing, so the
 * schema stays a pure function. Phone lists line up one to one because a repeated number is
 * an error, never silently dropped.
 */
export function zoomUserWarnings(record: MappedRecord, payload: ZoomUserPayload): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  if (record.phone_numbers !== undefined && payload.phone_numbers) {
    const originals = splitList(record.phone_numbers, PHONE_LIST_SEPARATORS);
    originals.forEach((original, i) => {
      phoneWarning('phone_numbers', original, payload.phone_numbers?.[i], warnings);
    });
  }
  if (record.outbound_caller_id !== undefined) {
    phoneWarning(
      'outbound_caller_id',
      record.outbound_caller_id,
      payload.outbound_caller_id,
      warnings,
    );
  }
  if (record.site_code !== undefined && record.site_name !== undefined) {
    warnings.push({
      field: 'site_name',
      code: 'SITE_NAME_IGNORED',
      message: `site_name '${record.site_name}' is ignored because site_code '${record.site_code}' is given; Zoom takes one of the two`,
    });
  }
  if (record.calling_plans !== undefined) {
    const plans = splitList(record.calling_plans, PLAN_LIST_SEPARATORS);
    const repeated = [...new Set(plans.filter((plan, i) => plans.indexOf(plan) !== i))];
    for (const plan of repeated) {
      warnings.push({
        field: 'calling_plans',
        code: 'CALLING_PLAN_REPEATED',
        message: `calling_plans lists '${plan}' more than once; it is sent once`,
      });
    }
  }
  if (payload.extension_number.startsWith('0')) {
    warnings.push({
      field: 'extension_number',
      code: 'EXTENSION_LEADING_ZERO',
      message: `extension_number '${payload.extension_number}' starts with 0; Zoom stores extensions as numbers and may drop it`,
    });
  }
  return warnings;
}

function phoneWarning(
  field: string,
  original: string,
  e164: string | undefined,
  out: FieldWarning[],
): void {
  if (e164 === undefined || original === e164) {
    return;
  }
  if (SCIENTIFIC_HINT.test(original)) {
    out.push({
      field,
      code: 'PHONE_EXCEL_RESTORED',
      message: `${field} '${original}' was in Excel's scientific notation; all digits were there, so it was restored as ${e164}: check it`,
    });
    return;
  }
  out.push({
    field,
    code: 'PHONE_NORMALISED',
    message: `${field} '${original}' was written as ${e164}`,
  });
}
