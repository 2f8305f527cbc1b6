/** A shared link written in format v=1, before the view was called Linkage, still opens that view. */
import { expect, test } from '@playwright/test';
import { waitForState } from './helpers';

// The sample's image ID (the digest of its config), as a link made on the sample names it.
const SAMPLE_IMAGE = 'sha256:85ea39e490bff040379b74240d3f04a9ef7bb40cfad213aca8a524a725156bb5';

test('a v=1 link that names the "graph" view opens Linkage with its selection', async ({ page }) => {
  const link = new URLSearchParams({
    v: '1',
    image: SAMPLE_IMAGE,
    view: 'graph',
    mode: 'reverse',
    color: 'layer',
    sel: '/usr/lib/x86_64-linux-gnu/libssl.so.3',
    q: 'libssl',
  });
  await page.goto(`/#${link.toString()}`);
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  await expect(page.getByRole('tab', { name: 'Linkage' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByText(/Everything that loads \/usr\/lib\/x86_64-linux-gnu\/libssl\.so\.3/),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByLabel('Search nodes')).toHaveValue('libssl');
});
