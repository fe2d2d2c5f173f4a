import { checkFilters, type ExporterFactory } from '../exporter';
import { listAllZoomUsers, type ZoomListedUser } from './zoom-client';

/** Columns of a Zoom users export: the import's columns first, then read-only facts. */
export const ZOOM_USERS_EXPORT_HEADERS = [
  'email',
  'first_name',
  'last_name',
  'extension_number',
  'phone_numbers',
  'calling_plans',
  'site_name',
  'department',
  'cost_center',
  'status',
  'zoom_user_id',
] as const;

/**
 * Splits Zoom's single `name` at the first space. The list API returns no separate first
 * and last name, so "Mary Ann Smith" comes back as first "Mary", last "Ann Smith".
 */
function splitName(name: string | undefined): [string, string] {
  const trimmed = (name ?? '').trim();
  const space = trimmed.indexOf(' ');
  return space < 0 ? [trimmed, ''] : [trimmed.slice(0, space), trimmed.slice(space + 1)];
}

/** Turns listed users into rows the users import reads back unchanged. */
export function zoomUsersExportTable(users: ZoomListedUser[]): {
  headers: string[];
  rows: string[][];
} {
  const rows = users.map((user) => {
    const [first, last] = splitName(user.name);
    return [
      user.email,
      first,
      last,
      user.extension_number === undefined ? '' : String(user.extension_number),
      (user.phone_numbers ?? [])
        .map((phone) => phone.number ?? '')
        .filter(Boolean)
        .join(';'),
      (user.calling_plans ?? [])
        .map((plan) => plan.name ?? '')
        .filter(Boolean)
        .join(';'),
      user.site?.name ?? '',
      user.department ?? '',
      user.cost_center ?? '',
      user.status ?? '',
      user.id,
    ];
  });
  return { headers: [...ZOOM_USERS_EXPORT_HEADERS], rows };
}

/** The Zoom Phone users list's filters (GET /phone/users), by the names it takes. */
export const ZOOM_USER_FILTERS = [
  'site_id',
  'calling_type',
  'status',
  'department',
  'cost_center',
  'keyword',
] as const;

/** Zoom Phone users export: every filter of the list spec, next_page_token paging. */
export const zoomUsersExporter: ExporterFactory = (connection, options) => {
  const filters = checkFilters(options.filters, ZOOM_USER_FILTERS, 'The Zoom users list');
  return {
    sheetName: 'Zoom Phone users',
    read: async (pace) => zoomUsersExportTable(await listAllZoomUsers(connection, filters, pace)),
  };
};
