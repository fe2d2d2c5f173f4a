/** The exporters registry declares, per dataset, exactly what each exporter asks for and takes. */
import { describe, expect, it } from 'vitest';
import { datasetCapabilities } from '../../../../../main/app/dataset-capabilities';
import { createExporter } from '../../../../../main/services/connectors/exporters';
import { staticToken } from '../../../../../main/services/http/token-source';

const connection = { baseUrl: 'https://pbx.example.com:8887', auth: staticToken('t') };
const exportable = datasetCapabilities().filter((capability) => capability.export);

describe('the exporters registry', () => {
  it('declares the inputs of every dataset it can export, and none for the others', () => {
    expect(exportable.length).toBeGreaterThan(0);
    for (const capability of datasetCapabilities()) {
      expect(capability.exportInputs !== undefined).toBe(capability.export);
    }
  });

  it.each(exportable.map((c) => [`${c.target} ${c.kind}`, c] as const))(
    '%s: every declared filter is taken and any other refused by name',
    (_name, { target, kind, exportInputs }) => {
      const inputs = exportInputs!;
      const needs = { ...(inputs.workspaceIds ? { workspaceIds: ['ws-1'] } : {}) };
      const filters = Object.fromEntries(inputs.filters.map((name) => [name, 'x']));
      expect(() => createExporter(target, kind, connection, { ...needs, filters })).not.toThrow();
      expect(() =>
        createExporter(target, kind, connection, { ...needs, filters: { undeclared: 'x' } }),
      ).toThrow(/cannot be filtered by "undeclared"/);
    },
  );

  it('refuses a Webex workspace numbers export without the workspace ids it declares', () => {
    expect(() => createExporter('webex', 'workspace-numbers', connection)).toThrow(
      /needs --workspace-id/,
    );
  });
});
