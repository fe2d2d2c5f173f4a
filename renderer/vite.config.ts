import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The renderer build, shared by Electron (app://batchline/) and browser mode (http://127.0.0.1).
// `base: './'` keeps asset URLs relative so both hosts serve the same files.

const META_CSP = /\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i;

/**
 * The dev server (`npm run dev`) injects an inline React Refresh preamble that our strict
 * meta CSP forbids, so the tag is removed there only; builds keep it untouched.
 */
function dropMetaCspInDev(): Plugin {
  return {
    name: 'batchline:drop-meta-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(META_CSP, ''),
  };
}

/**
 * `npm run dev` against a running browser-mode server: set BATCHLINE_DEV_BACKEND to its
 * origin (http://127.0.0.1:<port>) and open http://localhost:5173/#k=<its secret>. The
 * proxy presents the request as same-origin (Host rewritten, Origin dropped); the secret
 * is still checked by the server.
 */
function devBackendProxy(backend: string | undefined) {
  if (!backend) {
    return undefined;
  }
  const route = {
    target: backend,
    changeOrigin: true,
    configure: (proxy: {
      on(event: 'proxyReq', listener: (req: { removeHeader(name: string): void }) => void): void;
    }) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
  };
  return { '/rpc': route, '/events': route };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), dropMetaCspInDev()],
  server: { proxy: devBackendProxy(process.env.BATCHLINE_DEV_BACKEND) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inlined fonts would be data: URLs, which font-src 'self' blocks; keep every asset a file.
    assetsInlineLimit: 0,
    // The module-preload polyfill is for browsers we do not target (Chromium has it).
    modulePreload: { polyfill: false },
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
