import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../../../main/lib/logger';

// Log redaction (BAD-INPUTS case 34): whatever a caller hands the logger, a credential never
// reaches the line. Values are distinctive so a leak shows up as a plain substring.

const TOKEN = 'tOk3n-Abc.def_ghi~jkl+mno/pqr=';
const SECRET = 'cl13nt-s3cr3t-value';

function logged(fields: Record<string, unknown>): string {
  const lines: string[] = [];
  createLogger((line) => lines.push(line)).warn('test.event', fields);
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('logger redaction', () => {
  it('masks Authorization headers, whatever their case or shape', () => {
    const line = logged({
      headers: { Authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
      lower: { authorization: `Basic ${Buffer.from(`id:${SECRET}`).toString('base64')}` },
      pairs: [['Authorization', `Bearer ${TOKEN}`]],
      raw: `GET /v2/phone/users HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}\r\n`,
    });
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(Buffer.from(`id:${SECRET}`).toString('base64'));
    expect(line).toContain('application/json');
    expect(line).toContain('Bearer [redacted]');
  });

  it('masks fields named like credentials', () => {
    const line = logged({
      token: TOKEN,
      accessToken: TOKEN,
      refresh_token: TOKEN,
      clientSecret: SECRET,
      client_secret: SECRET,
      password: SECRET,
      apiKey: SECRET,
      cookie: `session=${SECRET}`,
    });
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(SECRET);
  });

  it.each([
    `https://api.example/v2/users?access_token=${TOKEN}`,
    `https://api.example/v2/users?page_size=10&token=${TOKEN}`,
    `https://api.example/cb#access_token=${TOKEN}&expires_in=3600`,
    `https://zoom.example/oauth/token?grant_type=refresh_token&refresh_token=${TOKEN}`,
    `https://api.example/x?id_token=${TOKEN}`,
    `https://api.example/x?client_secret=${SECRET}&client_id=abc`,
    `https://api.example/x?api_key=${SECRET}`,
    `https://api.example/x?ACCESS_TOKEN=${TOKEN}`,
    `https://admin:${SECRET}@pbx.example:8887/api`,
  ])('masks credentials inside the URL %s', (url) => {
    const line = logged({ url, message: `request to ${url} failed` });
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(SECRET);
    expect(line).toContain('[redacted]');
  });

  it('keeps ordinary query values readable', () => {
    const line = logged({ url: 'https://api.example/v2/users?page_size=10&next_page_token=' });
    expect(line).toContain('page_size=10');
  });

  it('masks strings in arrays and nested objects, and does not pass deep objects through raw', () => {
    const deep = {
      a: { b: { c: { d: { e: { f: { g: { token: TOKEN, note: `Bearer ${TOKEN}` } } } } } } },
    };
    const line = logged({ list: [`Bearer ${TOKEN}`, { password: SECRET }], deep });
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(SECRET);
  });

  it('redact() leaves values without credentials as they were', () => {
    expect(redact({ channel: 'jobs:get', rows: [1, 2], ok: true, none: null })).toEqual({
      channel: 'jobs:get',
      rows: [1, 2],
      ok: true,
      none: null,
    });
  });
});
