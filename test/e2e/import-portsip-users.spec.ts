import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/portsip-users.csv');
// The Sandbox PBX starts with 12 demo users, user001 (extension 1001) in Sales.
const SEEDED = 12;

describe('import PortSIP PBX users', () => {
  const session = useE2eSession();

  it('creates new users, updates an existing one by extension, and exports the PBX back', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('import-portsip-users');

    await flow.open(app.url);
    await flow.waitForStep('start');
    await page.getByTestId('dataset-portsip-users').check();
    expect(await flow.connectionBadge().textContent()).toContain('Sandbox');
    await shots.take(page, 'start');

    await flow.chooseFile(FIXTURE);
    await flow.waitForStep('mapping');
    expect(await flow.mappedHeader('name')).toBe('User Name');
    expect(await flow.mappedHeader('extension_number')).toBe('Ext');
    expect(await flow.mappedHeader('email')).toBe('Work Email');
    expect(await flow.mappedHeader('display_name')).toBe('Full Name');
    expect(await flow.mappedHeader('voicemail_pin')).toBe('VM PIN');
    await shots.take(page, 'mapping');

    await flow.continueToReview();
    expect(await flow.count('rows')).toBe(6);
    expect(await flow.count('valid')).toBe(3);
    expect(await flow.count('invalid')).toBe(3);
    expect(await flow.problem(3, 'User Name').textContent()).toContain('reserved');
    expect(await flow.problem(4, 'Ext').textContent()).toContain('3 to 64 digits');
    expect(await flow.problem(7, 'VM PIN').textContent()).toContain('sequential');
    expect(await flow.pushButton().textContent()).toBe('Push 3 valid users to Sandbox');
    await shots.take(page, 'review');

    await flow.pushButton().click();
    await flow.waitForStep('results');
    expect(await flow.tile('created')).toBe(2);
    expect(await flow.tile('updated')).toBe(1);
    expect(await flow.tile('invalid')).toBe(3);
    expect(await flow.tile('failed')).toBe(0);
    await shots.take(page, 'results');

    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-dataset-portsip-users').check();
    const exported = await flow.download(page.getByTestId('export-run'));
    const users = Papa.parse<Record<string, string>>(exported.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(users.data).toHaveLength(SEEDED + 2);
    const byName = new Map(users.data.map((user) => [user.name, user]));
    expect(byName.get('maria.lopez')).toMatchObject({
      extension_number: '2001',
      department: 'Sales',
    });
    expect(byName.get('user001')).toMatchObject({ department: 'Support' });
    // Secrets are never read back, so an export never holds one.
    expect(byName.get('maria.lopez')?.password).toBe('');
    await shots.take(page, 'export');
  });
});
