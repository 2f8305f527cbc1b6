/**
 * Every diff_id is checked in Chromium on both of the page's sha256 paths: a small layer's bytes go to one
 * WebCrypto call, a large one's through hash-wasm on the hash worker (src/worker/web-sha256.ts), for layers
 * stored plain and gzipped. A wrong diff_id is reported on each path, a right one verified.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openImage } from './helpers';
import { plainArchive } from './plain-archive';

const dir = mkdtempSync(join(tmpdir(), 'strata-e2e-hash-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Under and over the page's one-shot cap (ONE_SHOT_MAX_BYTES, 8 MiB). */
const SMALL = 64 * 1024;
const LARGE = 12 * 1024 * 1024;

test('a wrong diff_id is caught for small and large layers, plain and gzipped', async ({ page }) => {
  // Layers 0–3: small plain, large plain, small gzip, large gzip (random bytes: gzip keeps them large), each
  // with a wrong diff_id; layers 4–7 the same with the right ones.
  const sizes = [SMALL, LARGE, SMALL, LARGE, SMALL, LARGE, SMALL, LARGE];
  const path = plainArchive(dir, 'hash-paths.tar', sizes, { gzip: [2, 3, 6, 7], wrongDiffIds: [0, 1, 2, 3] });
  await page.goto('/');
  await openImage(page, path);
  const table = page.getByRole('table', { name: 'Layers' });
  await expect(table.locator('.badge--warn')).toHaveCount(4);
  await expect(table.locator('.badge--ok')).toHaveCount(4);
  // The header row, then the layers newest first, as `podman history` lists them.
  const rows = table.getByRole('row');
  for (const [i, size] of sizes.entries()) {
    const badge = rows.nth(sizes.length - i).locator('.badge');
    await expect(badge, `layer ${i} (${size} bytes)`).toHaveClass(i < 4 ? /badge--warn/ : /badge--ok/);
  }
});
