import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/webex-workspace-numbers.csv');
// The Sandbox's demo workspaces (main/sandbox/webex/webex-seed.ts).
const BREAK_ROOM = 'Y2lzY29zcGFyazovL3VzL1BMQUNFL2JyZWFrLXJvb20';

describe('import Webex Calling workspace numbers', () => {
  const session = useE2eSession();

  it('maps, reviews, pushes one request per workspace to the Sandbox and exports the result', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('import-webex-workspace-numbers');

    await flow.open(app.url);
    await flow.waitForStep('start');
    await page.getByTestId('dataset-webex-workspace-numbers').check();
    expect(await flow.connectionBadge().textContent()).toContain('Sandbox');
    const template = await flow.download(page.getByTestId('download-template'));
    expect(template.fileName).toBe('batchline-webex-workspace-numbers-template.csv');
    expect(template.text.split(/\r?\n/)[0]).toContain('workspace_id');
    await shots.take(page, 'start');

    await flow.chooseFile(FIXTURE);
    await flow.waitForStep('mapping');
    expect(await flow.mappedHeader('workspace_id')).toBe('Workspace ID');
    expect(await flow.mappedHeader('phone_number')).toBe('Number');
    expect(await flow.mappedHeader('extension')).toBe('Ext');
    expect(await flow.mappedHeader('ring_pattern')).toBe('Ring Pattern');
    await shots.take(page, 'mapping');

    await flow.continueToReview();
    expect(await flow.count('rows')).toBe(6);
    expect(await flow.count('valid')).toBe(4);
    expect(await flow.count('invalid')).toBe(2);
    expect(await (await flow.sourceCell(5, 'Number')).getAttribute('data-issue')).toBe('error');
    expect(await flow.problem(6, 'Ring Pattern').count()).toBe(1);
    expect(await flow.planButton().textContent()).toBe('Plan push to Sandbox');
    await shots.take(page, 'review');

    await flow.planAndPush();
    await flow.waitForStep('results');
    expect(await flow.tile('created')).toBe(3);
    expect(await flow.tile('updated')).toBe(1);
    expect(await flow.tile('invalid')).toBe(2);
    expect(await flow.tile('failed')).toBe(0);
    await shots.take(page, 'results');

    const results = await flow.download(page.getByTestId('export-all'));
    const parsed = Papa.parse<Record<string, string>>(results.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data.map((record) => record.result_status)).toEqual([
      'created',
      'created',
      'updated',
      'invalid',
      'invalid',
      'created',
    ]);

    // What the Break Room holds now, read back through the Export page.
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-dataset-webex-workspace-numbers').check();
    expect(await page.getByTestId('connection-note').textContent()).toContain(BREAK_ROOM);
    await page.getByTestId('export-workspace-ids').fill(BREAK_ROOM);
    const exported = await flow.download(page.getByTestId('export-run'));
    const numbers = Papa.parse<Record<string, string>>(exported.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    // CSV cells starting with "+" are written as '+… so Excel never reads them as a formula;
    // the import reads them back as the number.
    expect(numbers.data.map((record) => record.phone_number).sort()).toEqual([
      "'+14155550150",
      "'+14155550151",
    ]);
    await shots.take(page, 'export');
  });
});
