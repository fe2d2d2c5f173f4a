/**
 * Where a connector gets its bearer token. Main holds it; it never crosses to the renderer,
 * a log or a file. `refresh` exists for tokens that can be renewed (Zoom Server-to-Server
 * OAuth): it is called with the token the target just refused.
 */
export interface TokenSource {
  current(): Promise<string>;
  refresh?(rejected: string): Promise<string>;
}

/** A fixed bearer token (BATCHLINE_TOKEN, Webex and PortSIP tokens, the Sandbox). */
export function staticToken(token: string): TokenSource {
  return { current: () => Promise.resolve(token) };
}
