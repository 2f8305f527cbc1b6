/**
 * The picture of docs/screens/linkage-overview-desktop-light-en.png: the linkage bench image (make-linkage-image.ts,
 * its gzip OCI copy) opened in the production page at the desktop size of e2e/screens.spec.ts, light theme,
 * English; Linkage clicked; the grouped whole-image overview photographed once drawn.
 * Run: npx tsx bench/features/overview-screenshot.ts [--reuse-site]  (after linkage-bench.ts made its image)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OUT } from './docker-image';
import { flag } from './measure';
import { openImagePage, startApp } from './page-session';

const archive = join(OUT, 'features-linkage-oci.tar');
if (!existsSync(archive))
  throw new Error(`${archive} is missing: run bench/features/linkage-bench.ts first.`);
const shot = join('docs', 'screens', 'linkage-overview-desktop-light-en.png');
const app = await startApp(flag('--reuse-site'));
try {
  const { page } = await openImagePage(app, archive, { colorScheme: 'light', locale: 'en-US' });
  await page.getByRole('tab', { name: 'Linkage' }).click();
  await page.locator('[data-testid="linkage-picture"] svg').waitFor({ timeout: 120_000 });
  await page.screenshot({ path: shot });
  console.log(`wrote ${shot}`);
} finally {
  await app.close();
}
