import { SANDBOX_TOKEN } from '../../main/sandbox/sandbox-defaults';

/** A simulator's answer: status, headers and the parsed JSON body (undefined when empty). */
export interface SimAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Options for one request: a token (null sends no Authorization header) and a body. */
export interface SimRequest {
  token?: string | null;
  /** Serialised as JSON. */
  json?: unknown;
  /** Sent as is, for malformed bodies. */
  raw?: string;
}

/**
 * Calls a simulator over real HTTP (global fetch) and parses its JSON answer.
 *
 * `path` is relative to the simulator's base URL, e.g. `/phone/users?page_size=100`.
 */
export async function callSimulator(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  request: SimRequest = {},
): Promise<SimAnswer> {
  const token = request.token === undefined ? SANDBOX_TOKEN : request.token;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token !== null) {
    headers.Authorization = `Bearer ${token}`;
  }
  let body: string | undefined = request.raw;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}

/** A batch-add user that passes every field rule; `n` makes email and extension unique. */
export function validBatchUser(
  n: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    email: `new${n}@example.com`,
    extension_number: String(5000 + n),
    calling_plans: ['US/CA Unlimited Calling'],
    first_name: `First${n}`,
    last_name: `Last${n}`,
    ...overrides,
  };
}

/** `count` valid batch users numbered from `from`. */
export function validBatchUsers(count: number, from = 1): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => validBatchUser(from + i));
}

/** An internal number that passes every field rule; `n` makes the number unique. */
export function validInternalNumber(
  n: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    labels: `Dial-in ${n}`,
    number: `+1415555${String(1000 + n).padStart(4, '0')}`,
    display_number: `+1 415-555-${String(1000 + n).padStart(4, '0')}`,
    type: 1,
    country: 'US',
    languages: 'en-US',
    ...overrides,
  };
}

/**
 * Every internal number of an account, read back over HTTP through the list endpoint
 * (page by page, 100 at a time), as a client would see them.
 */
export async function listInternalNumbersOver(
  baseUrl: string,
  accountId: string,
  token?: string,
): Promise<Record<string, unknown>[]> {
  const numbers: Record<string, unknown>[] = [];
  let next = '';
  do {
    const query = `page_size=100${next ? `&next_page_token=${encodeURIComponent(next)}` : ''}`;
    const answer = await callSimulator(
      baseUrl,
      'GET',
      `/accounts/${encodeURIComponent(accountId)}/sip_trunk/internal_numbers?${query}`,
      token === undefined ? {} : { token },
    );
    if (answer.status !== 200) {
      throw new Error(`listing ${accountId} answered HTTP ${answer.status}`);
    }
    const body = answer.body as {
      internal_numbers: Record<string, unknown>[];
      next_page_token: string;
    };
    numbers.push(...body.internal_numbers);
    next = body.next_page_token;
  } while (next);
  return numbers;
}
