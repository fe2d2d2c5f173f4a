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
    expect(await flow.planButton().textContent()).toBe('Plan push to Sandbox');
    // Passwords and PINs are masked on the review grid: main never sends their values.
    const grid = await page.getByTestId('source-grid').textContent();
    expect(grid).toContain('••••••');
    expect(grid).not.toContain('Str0ng-Pass!');
    expect(grid).not.toContain('480265');
    await shots.take(page, 'review');

    // The Plan step says what a push would do before anything is sent: user001 (row 5)
    // exists in Sales, the sheet moves them to Support.
    await flow.plan();
    expect(await flow.planCount('create')).toBe(2);
    expect(await flow.planCount('update')).toBe(1);
    expect(await flow.planCount('unchanged')).toBe(0);
    expect(await flow.planCount('conflict')).toBe(0);
    expect(await flow.planCount('invalid')).toBe(3);
    expect(await page.getByTestId('plan-requests').textContent()).toMatch(
      /^3 requests of at most 1 row · (under|about) \d* ?s at 10 requests\/s$/,
    );
    await page.getByTestId('plan-filter').selectOption('update');
    const updated = flow.plannedRow(5);
    await updated.waitFor();
    expect(await updated.textContent()).toContain('department: Sales → Support');
    await page.getByTestId('plan-filter').selectOption('all');
    await flow.plannedRow(2).waitFor();
    expect(await flow.pushButton().textContent()).toBe('Push 3 changes to Sandbox');
    await shots.take(page, 'plan');

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

  it('asks to confirm a change to most of the PBX, and plans again without updates', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('import-portsip-users-confirm');
    // Ten of the twelve demo users moved to another department: over 20% of the PBX.
    const lines = Array.from({ length: 10 }, (_, index) => {
      const number = String(index + 1).padStart(3, '0');
      return `user${number},${1001 + index},Operations`;
    });
    await flow.open(app.url);
    await page.getByTestId('dataset-portsip-users').check();
    await flow.chooseFile({
      name: 'move.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['User Name,Ext,Department', ...lines].join('\n')),
    });
    await flow.waitForStep('mapping');
    await flow.continueToReview();
    await flow.plan();
    expect(await flow.planCount('update')).toBe(10);
    const confirm = page.getByTestId('confirm-large');
    expect(await confirm.locator('..').textContent()).toBe(
      'I confirm changing 10 of the 12 existing records (83%)',
    );
    expect(await flow.pushButton().isDisabled()).toBe(true);
    await confirm.check();
    expect(await flow.pushButton().isEnabled()).toBe(true);
    expect(await flow.pushButton().textContent()).toBe('Push 10 changes to Sandbox');
    await shots.take(page, 'plan-confirm');

    // Without updates, the moved users are conflicts and there is nothing to send.
    await page.getByTestId('allow-updates').uncheck();
    await page.locator('[data-testid="plan-conflict"] .stat-value', { hasText: '10' }).waitFor();
    expect(await flow.planCount('update')).toBe(0);
    expect(await confirm.count()).toBe(0);
    // Still pushable: it sends nothing and records every row's outcome in a results sheet.
    expect(await flow.pushButton().textContent()).toBe('Nothing to send: record the results');
    expect(await flow.pushButton().isEnabled()).toBe(true);

    await page.getByTestId('allow-updates').check();
    await page.locator('[data-testid="plan-update"] .stat-value', { hasText: '10' }).waitFor();
    await confirm.check();
    await flow.pushButton().click();
    await flow.waitForStep('results');
    expect(await flow.tile('updated')).toBe(10);
    expect(await flow.tile('failed')).toBe(0);
  });
});
