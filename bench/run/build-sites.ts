/**
 * Builds the app and the stage page into bench/out with Vite, so the page benchmark measures the
 * production bundle of the checkout as it is now (not whatever dist/ happens to hold), without
 * touching dist/.
 */
import { resolve } from 'node:path';
import { build } from 'vite';

export async function buildSites(outDir: string): Promise<{ site: string; stageSite: string }> {
  const site = resolve(outDir, 'site');
  const stageSite = resolve(outDir, 'stage-site');
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    // Source maps let the page benchmark say which code its long tasks ran (run/main-thread-profile.ts).
    build: { outDir: site, emptyOutDir: true, sourcemap: true },
  });
  await build({
    root: resolve('bench/stages'),
    configFile: false,
    resolve: { alias: [{ find: /^\.\/web-env-shim$/, replacement: resolve('src/worker/web-env.ts') }] },
    logLevel: 'warn',
    build: { outDir: stageSite, emptyOutDir: true, target: 'es2022' },
  });
  return { site, stageSite };
}
