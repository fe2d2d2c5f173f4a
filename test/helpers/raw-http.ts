import { request } from 'node:http';

/** An HTTP answer as received: status, headers and the body as text. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request to a loopback server sent exactly as given: node:http keeps Host, Origin and
 * odd paths as written, where fetch would normalise or refuse them.
 */
export function rawRequest(
  origin: string,
  opts: {
    method: string;
    path: string;
    headers?: Record<string, string | string[]>;
    body?: string;
  },
): Promise<RawResponse> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method, path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
