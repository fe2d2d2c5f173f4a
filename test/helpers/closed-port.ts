import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on (one the OS just handed out and took back), for a
 * target that cannot be reached: connecting is refused (ECONNREFUSED), as with a PBX that
 * is down. Port 1 would not do: fetch refuses it before connecting ("bad port").
 */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
