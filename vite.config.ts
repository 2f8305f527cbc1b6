import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

/**
 * Nothing from an image may run or leave the page (docs/limits.md): no inline script, no eval,
 * nothing fetched from another origin. WebAssembly (sha256, sql.js) needs 'wasm-unsafe-eval';
 * pictures from an image are shown from blob: URLs in <img>, where an SVG's scripts never run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self' blob:",
  "img-src 'self' blob: data:",
  // Styles cannot run script; the linkage picture's SVG carries its own <style>, which must apply on screen.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The built page carries the policy in a meta tag (any static host serves it); the dev server does
 * not, since its hot reload injects inline script. `vite preview` also sends it as a header, which
 * is what a worker's own policy comes from.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'strata-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // The version the linkage picture's footer names.
  define: {
    __STRATA_VERSION__: JSON.stringify(
      (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string })
        .version,
    ),
  },
  worker: { format: 'es' },
  // Generated root filesystems and benchmark archives are large and full of symlink loops: never watch them.
  server: {
    port: 5173,
    strictPort: false,
    watch: { ignored: ['**/.work/**', '**/bench/out/**', '**/test-results/**', '**/dist/**'] },
  },
  preview: { port: 4173, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  build: { target: 'es2022', sourcemap: true },
});
