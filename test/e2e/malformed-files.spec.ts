import { describe, expect, it } from 'vitest';
import { useE2eSession } from './pages/e2e-session';
import type { FilePayload } from './pages/import-flow-page';
import { Screenshots } from './pages/screenshots';

function csv(name: string, text: string): FilePayload {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

describe('files the import cannot take as they are', () => {
  const session = useE2eSession();
  const shots = new Screenshots('malformed-files');

  it('blocks Continue on duplicate headers and says which', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await flow.chooseFile(
      csv(
        'duplicate-headers.csv',
        'Email,First Name,Email,Extension,Calling Plan\r\n' +
          'a.one@example.com,Ann,a.one@example.com,3001,US/CA Unlimited Calling\r\n' +
          'b.two@example.com,Bo,b.two@example.com,3002,US/CA Unlimited Calling\r\n',
      ),
    );
    await flow.waitForStep('mapping');
    const issue = flow.mappingIssues().locator('[data-code="DUPLICATE_HEADER"]');
    await issue.waitFor();
    expect(await issue.textContent()).toContain('"Email" appears 2 times');
    expect(await flow.continueButton().isDisabled()).toBe(true);
    expect(await page.getByTestId('mapping-blocked').isVisible()).toBe(true);
    await shots.take(page, 'duplicate-headers');
  });

  it('shows a readable error for an empty file and stays on the start screen', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await flow.chooseFile(csv('empty.csv', ''));
    await flow.errorBanner().waitFor();
    const text = (await flow.errorBanner().textContent()) ?? '';
    expect(text).toMatch(/no rows|empty/i);
    expect(text).not.toMatch(/undefined|\[object|stack/i);
    await flow.waitForStep('start');
    await shots.take(page, 'empty-file');

    // The admin can carry on: a good file after the bad one opens normally.
    await flow.chooseFile(
      csv(
        'ok.csv',
        'Work Email,Ext,Calling Plan\r\nz.zed@example.com,3100,US/CA Unlimited Calling\r\n',
      ),
    );
    await flow.waitForStep('mapping');
    expect(await flow.errorBanner().count()).toBe(0);
  });

  it('explains a file with headers but no people', async () => {
    const { app, page, flow } = session();
    await flow.open(app.url);
    await flow.chooseFile(
      csv('headers-only.csv', 'Work Email,Given Name,Surname,Ext,Calling Plan\r\n'),
    );
    await flow.errorBanner().waitFor();
    expect((await flow.errorBanner().textContent()) ?? '').toMatch(/no rows|no data|empty/i);
    await shots.take(page, 'headers-only');
  });
});
