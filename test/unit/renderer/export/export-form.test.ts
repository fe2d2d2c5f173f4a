import { describe, expect, it } from 'vitest';
import { datasetCapabilities } from '../../../../main/app/dataset-capabilities';
import {
  exportInputsOf,
  parseFilters,
  parseIdList,
} from '../../../../renderer/features/export/export-form';
import {
  exportableDatasets,
  importableDatasets,
  ZOOM_USERS,
} from '../../../../renderer/features/import/datasets';

describe('the Export page form', () => {
  it('asks Webex for workspace ids, Zoom internal numbers for an account, list APIs for filters', () => {
    // What main's exporters declare, as app:info carries it to the page.
    const capabilities = datasetCapabilities();
    const inputs = exportInputsOf.bind(null, capabilities);
    expect(inputs('webex', 'workspace-numbers')).toEqual({
      workspaceIds: true,
      accountId: false,
      filters: [],
    });
    expect(inputs('zoom', 'internal-numbers')).toMatchObject({ accountId: true, filters: [] });
    expect(inputs('zoom', 'users').filters).toEqual([
      'site_id',
      'calling_type',
      'status',
      'department',
      'cost_center',
      'keyword',
    ]);
    expect(inputs('portsip', 'groups').filters).toEqual(['filter', 'search', 'orderby']);
    // The filter the old hardcoded list missed: one group's members.
    expect(inputs('portsip', 'group-members').filters).toEqual([
      'filter',
      'search',
      'orderby',
      'group',
    ]);
  });

  it('shows no extra boxes for a dataset main declares nothing for (an older main)', () => {
    const bare = [
      { target: 'portsip', kind: 'users', title: 'x', push: true, export: true },
    ] as const;
    expect(exportInputsOf(bare, 'portsip', 'users')).toEqual({
      workspaceIds: false,
      accountId: false,
      filters: [],
    });
  });

  it('reads workspace ids separated by lines, commas or spaces, once each', () => {
    expect(parseIdList(' ws-1\nws-2, ws-3  ws-1\n\n')).toEqual(['ws-1', 'ws-2', 'ws-3']);
  });

  it('reads NAME=VALUE filters and names the line that is not one', () => {
    expect(parseFilters("status=activate\n\nfilter = name eq 'Sales'")).toEqual({
      ok: true,
      filters: { status: 'activate', filter: "name eq 'Sales'" },
    });
    const bad = parseFilters('status=activate\nkeyword');
    expect(bad).toEqual({ ok: false, message: expect.stringContaining('line 2 "keyword"') });
  });
});

describe('the datasets the app offers', () => {
  const capability = (target: string, kind: string, push: boolean, exportable: boolean) =>
    ({ target, kind, title: kind, push, export: exportable }) as never;

  it('offers for import only what main can push, in catalogue order', () => {
    const offered = importableDatasets([
      capability('portsip', 'users', true, true),
      capability('zoom', 'users', true, true),
      capability('portsip', 'roles', false, false),
    ]);
    expect(offered.map((d) => d.id)).toEqual(['zoom-users', 'portsip-users']);
  });

  it('falls back to Zoom users when main lists nothing (an older main)', () => {
    expect(importableDatasets([])).toEqual([ZOOM_USERS]);
  });

  it('offers for export only what main can export', () => {
    const offered = exportableDatasets([
      capability('zoom', 'users', true, true),
      capability('webex', 'workspace-numbers', true, false),
    ]);
    expect(offered.map((d) => d.id)).toEqual(['zoom-users']);
  });
});
