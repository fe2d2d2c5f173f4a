import { spawn } from 'node:child_process';

/**
 * Asks the desktop to open a URL in the default browser; best effort, never throws.
 *
 * No shell is involved elsewhere (the URL is an argument). On Windows `start` is a cmd
 * built-in, so cmd gets one verbatim command line with an empty window title first; our URL
 * holds only `http://127.0.0.1:<port>/#k=` and base64url characters, nothing cmd interprets.
 */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'win32'
      ? ['cmd', ['/d', '/s', '/c', `start "" "${url}"`]]
      : platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, {
      detached: true,
      stdio: 'ignore',
      windowsHide: true,
      windowsVerbatimArguments: platform === 'win32',
    });
    // No opener (a headless box, a container) is fine: the printed URL is the fallback.
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Same: the user still has the URL on the terminal.
  }
}
