import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import { Screenshots } from './pages/screenshots';

describe('the Connections page', () => {
  const session = useE2eSession();

  it('adds a PortSIP connection to the Sandbox PBX, tests it, changes it and removes it', async () => {
    const { app, page, flow } = session();
    const shots = new Screenshots('connections');
    await flow.open(app.url);
    await page.getByTestId('nav-connections').click();
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    const sandboxRow = page.getByTestId('connection-row-sandbox-portsip');
    await sandboxRow.waitFor();
    expect(await sandboxRow.getByText('Sandbox', { exact: true }).count()).toBe(1);
    // No Remove on the built-in ones.
    expect(await sandboxRow.getByTestId('connection-remove').count()).toBe(0);
    const pbxUrl = (await sandboxRow.getByTestId('connection-base-url').textContent()) ?? '';
    expect(pbxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Browser mode has no keychain: the form says the credential lasts this session only.
    expect(await page.getByTestId('connection-session-only').textContent()).toContain(
      'kept for this session only',
    );
    await shots.take(page, 'connections-start');

    // A missing base URL is named beside its field, by its label.
    await page.getByLabel('Name').fill('Office PBX');
    await page.getByTestId('connection-save').click();
    const fieldError = page.getByTestId('connection-field-error');
    expect(await fieldError.textContent()).toContain('Enter the PBX base URL');
    expect(
      await page.getByLabel('PBX base URL').evaluate((el) => el === document.activeElement),
    ).toBe(true);

    await page.getByLabel('PBX base URL').fill(pbxUrl);
    await page.getByLabel('Access token').fill('sandbox-token');
    await page.getByLabel('Requests per minute').fill('600');
    await shots.takeElement(page.getByTestId('connection-form'), 'connections-form-filled');
    await page.getByTestId('connection-save').click();

    const row = page.locator('[data-testid^="connection-row-portsip-"]');
    await row.waitFor();
    expect(await row.getByRole('heading').textContent()).toBe('Office PBX');
    expect(await row.textContent()).toContain('600 requests/min');
    // The form is empty again: the token is not kept in the page.
    expect(await page.getByLabel('Access token').inputValue()).toBe('');

    await row.getByTestId('connection-test').click();
    const result = row.getByTestId('connection-test-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('the credential was accepted');
    await shots.takeElement(row, 'connections-tested');

    // The header's picker now offers it for PortSIP pushes (app:info was read again).
    await page.getByTestId('nav-import').click();
    await page.getByTestId('dataset-portsip-users').check();
    expect(await flow.connectionBadge().textContent()).toContain('Office PBX');
    await page.getByTestId('nav-connections').click();

    // Change its name and quota; the token field stays empty, so the saved token is kept.
    const saved = page.locator('[data-testid^="connection-row-portsip-"]');
    await saved.getByTestId('connection-edit').click();
    const form = page.getByTestId('connection-form');
    expect(await form.getAttribute('data-mode')).toBe('edit');
    expect(await page.getByLabel('Name').inputValue()).toBe('Office PBX');
    expect(await page.getByLabel('PBX base URL').inputValue()).toBe(pbxUrl);
    expect(await page.getByLabel('Access token').inputValue()).toBe('');
    await page.getByLabel('Name').fill('Head office PBX');
    await page.getByLabel('Requests per minute').fill('300');
    await shots.takeElement(form, 'connections-form-edit');
    await page.getByTestId('connection-save').click();
    await saved.getByRole('heading', { name: 'Head office PBX' }).waitFor();
    expect(await saved.textContent()).toContain('300 requests/min');
    expect(await form.getAttribute('data-mode')).toBe('add');
    await saved.getByTestId('connection-test').click();
    await saved.locator('[data-testid="connection-test-result"][data-ok="true"]').waitFor();

    const again = page.locator('[data-testid^="connection-row-portsip-"]');
    await again.getByTestId('connection-remove').click();
    await shots.takeElement(again, 'connections-confirm-remove');
    await again.getByTestId('connection-remove-confirm').click();
    await again.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid^="connection-row-"]').count()).toBe(3);
    await shots.take(page, 'connections-removed');
  });
});
