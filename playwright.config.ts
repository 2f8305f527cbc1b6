import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Real Chromium. Where Playwright's own browser is installed (a developer's laptop) it is used;
 * on machines that cannot download it, Debian's /usr/bin/chromium is (set STRATA_CHROMIUM to
 * point elsewhere). Root needs --no-sandbox.
 */
const systemChromium = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
const useSystem =
  process.env.STRATA_CHROMIUM !== undefined ||
  (existsSync(systemChromium) && !process.env.PLAYWRIGHT_BROWSERS_PATH);
const isRoot = process.getuid?.() === 0;
/** Several checkouts on one machine run their e2e side by side on different ports. */
const port = Number(process.env.STRATA_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      ...(useSystem ? { executablePath: systemChromium } : {}),
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
