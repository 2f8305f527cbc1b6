/**
 * The linkage view in Chromium: search matches as a list, what loads libssl, what curl loads as the layered
 * picture, exports that stand on their own (SVG, PNG at 2×, DOT, Mermaid rendered by the mermaid library in
 * the page, Markdown), keyboard moves, the nested list, the grouped whole image, and a shared link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { waitForState } from './helpers';

async function openLinkage(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  if (!hash) await page.getByRole('tab', { name: 'Linkage' }).click();
  await expect(page.getByText(/ELF objects, \d+ load edges|What |Everything that loads/).first()).toBeVisible(
    {
      timeout: 30_000,
    },
  );
}

async function focusCurl(page: Page): Promise<void> {
  await page.getByLabel('Search nodes').fill('curl');
  const options = page.getByRole('listbox', { name: 'Matches' }).getByRole('option');
  await expect(options).toHaveCount(2);
  // The program comes first; Enter opens it on what it loads.
  await expect(options.first()).toContainText('/usr/bin/curl');
  await page.getByLabel('Search nodes').press('Enter');
  await expect(svgText(page, 'what /usr/bin/curl loads')).toBeVisible({
    timeout: 30_000,
  });
}

/** A line of text drawn in the picture (its <title> repeats the heading, so text elements are asked for). */
function svgText(page: Page, text: string | RegExp) {
  return page.getByTestId('linkage-picture').locator('text').filter({ hasText: text }).first();
}

/** PNG width and height from the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('search libssl, see what loads it, then what curl loads, with ldd -v beside', async ({ page }) => {
  await openLinkage(page);
  await page.getByLabel('Search nodes').fill('libssl');
  await expect(page.getByText('1 found')).toBeVisible();
  await page.getByRole('button', { name: 'Reverse' }).click();
  await expect(
    page.getByText(/Everything that loads \/usr\/lib\/x86_64-linux-gnu\/libssl\.so\.3/),
  ).toBeVisible();
  const picture = page.getByTestId('linkage-picture');
  await expect(svgText(page, 'what loads libssl.so.3')).toBeVisible();
  await expect(picture.locator('[data-key="/usr/bin/openssl"]')).toBeVisible();
  await expect(page.getByLabel('ldd output')).toContainText(
    'libcrypto.so.3 => /usr/lib/x86_64-linux-gnu/libcrypto.so.3',
  );
  await focusCurl(page);
  const ldd = page.getByLabel('ldd output');
  await expect(ldd).toContainText('libcurl.so.4 => /usr/lib/x86_64-linux-gnu/libcurl.so.4');
  await expect(page.getByRole('table', { name: 'Why each library was found' })).toContainText('libz.so.1');
  // Folded: libc and the loader keep their normal size, their incoming edges become a badge.
  await expect(svgText(page, 'needed by all 31')).toBeVisible();
});

test('what loads an executable says nothing does, and offers what it loads', async ({ page }) => {
  await openLinkage(page);
  await page.getByLabel('Search nodes').fill('/usr/bin/openssl');
  await page.getByRole('button', { name: 'Reverse' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing loads an executable' })).toBeVisible();
  await page.getByRole('button', { name: 'Show what it loads' }).click();
  await expect(svgText(page, 'what /usr/bin/openssl loads')).toBeVisible();
});

test('exports of what curl loads: SVG, PNG at twice its size, DOT, Mermaid that renders, Markdown', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLinkage(page);
  await focusCurl(page);
  const [svgFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'SVG', exact: true }).click(),
  ]);
  expect(svgFile.suggestedFilename()).toBe('strata-sample_1-curl-loads.svg');
  const svg = readFileSync(await svgFile.path(), 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('>what /usr/bin/curl loads</text>');
  expect(svg).toMatch(/>localhost\/strata-sample:1 · 85ea39e490bf · at L4, the top · /);
  for (const legend of ['the focused object', 'shared library', 'the loader (ELF interpreter)', 'A loads B'])
    expect(svg).toContain(`>${legend}</text>`);
  expect(svg).toMatch(
    />strata \d+\.\d+\.\d+ · \d{4}-\d\d-\d\d · resolved as the image&#39;s own loader would/,
  );
  expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
  const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);

  const [pngFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PNG', exact: true }).click(),
  ]);
  expect(pngFile.suggestedFilename()).toBe('strata-sample_1-curl-loads.png');
  const { width, height } = pngSize(readFileSync(await pngFile.path()));
  expect(width).toBe(2 * Number(/width="(\d+)"/.exec(svg)![1]));
  expect(height).toBe(2 * Number(/height="(\d+)"/.exec(svg)![1]));

  const [dotFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'DOT', exact: true }).click(),
  ]);
  expect(dotFile.suggestedFilename()).toBe('strata-sample_1-curl-loads.dot');
  expect(readFileSync(await dotFile.path(), 'utf8')).toContain('<b>what /usr/bin/curl loads</b>');

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const markdown = await page.getByLabel('Markdown text').inputValue();
  expect(markdown).toContain('### what /usr/bin/curl loads');
  expect(markdown).toContain('    libcurl.so.4 => /usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0');
  expect(markdown).toContain('```mermaid\n');

  await page.getByRole('button', { name: 'Copy as Mermaid' }).click();
  const block = await page.getByLabel('Mermaid text').inputValue();
  expect(block.startsWith('```mermaid\n---\ntitle: "what /usr/bin/curl loads"\n---\nflowchart TD\n')).toBe(
    true,
  );
  // GitHub renders ```mermaid blocks with the mermaid library: render this one with it, in a blank page
  // (the app's Content-Security-Policy rightly refuses an injected script).
  const blank = await page.context().newPage();
  await blank.addScriptTag({
    path: join(import.meta.dirname, '../node_modules/mermaid/dist/mermaid.min.js'),
  });
  const rendered = await blank.evaluate(
    async (text) => {
      const { mermaid } = window as unknown as {
        mermaid: {
          initialize(o: object): void;
          render(id: string, text: string): Promise<{ svg: string }>;
        };
      };
      mermaid.initialize({ startOnLoad: false });
      return (await mermaid.render('strata-mermaid-check', text)).svg;
    },
    block.replace(/^```mermaid\n/, '').replace(/```\n$/, ''),
  );
  expect(rendered).toContain('libcurl.so.4');
  expect(rendered).toContain('what /usr/bin/curl loads');
});

test('keyboard: Tab to the picture, arrows between neighbours, Enter focuses, Escape steps back', async ({
  page,
}) => {
  await openLinkage(page);
  await focusCurl(page);
  const picture = page.getByTestId('linkage-picture');
  await picture.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.picture__status')).toContainText(
    'libcurl.so.4 — /usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0',
  );
  await page.keyboard.press('Enter');
  await expect(svgText(page, 'what loads libcurl.so.4')).toBeVisible();
  await page.getByTestId('linkage-picture').press('Escape');
  await expect(svgText(page, 'what /usr/bin/curl loads')).toBeVisible();
  // The text alternative: the same tree as a nested list.
  await page.getByText('The picture as a list').click();
  const list = page.getByRole('list', { name: 'The picture as a nested list' });
  await expect(list).toContainText('libssl.so.3 — /usr/lib/x86_64-linux-gnu/libssl.so.3');
});

test('the whole image opens grouped: groups open and close by mouse and keyboard, lists focus', async ({
  page,
}) => {
  await openLinkage(page);
  // The grouped overview is the default, with the ranked lists beside it.
  await expect(page.getByLabel('grouped by package')).toBeChecked();
  await expect(svgText(page, 'every ELF object of localhost/strata-sample:1, by package')).toBeVisible({
    timeout: 30_000,
  });
  const lists = page.getByRole('complementary', { name: 'Ranked lists' });
  await expect(lists.getByText('Most-loaded libraries')).toBeVisible();
  const picture = page.getByTestId('linkage-picture');
  const group = picture.locator('[data-key="libssl3"]');
  const member = picture.locator('[data-key="/usr/lib/x86_64-linux-gnu/libssl.so.3"]');
  // A click opens the group into its objects; its button closes it again.
  await group.click();
  await expect(member).toBeVisible({ timeout: 30_000 });
  await expect(group).toHaveCount(0);
  // A click on a member focuses nothing else here: the frame around the members closes the group.
  const frame = picture.locator('[data-group="libssl3"]');
  await expect(frame).toBeVisible();
  await frame.screenshot({ path: test.info().outputPath('opened-group.png') });
  const box = (await frame.locator('rect').boundingBox())!;
  await page.mouse.click(box.x + 6, box.y + 6);
  await expect(group).toBeVisible({ timeout: 30_000 });
  await expect(member).toHaveCount(0);
  // Its Collapse button closes it too.
  await group.click();
  await expect(member).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Collapse libssl3' }).click();
  await expect(group).toBeVisible({ timeout: 30_000 });
  await expect(member).toHaveCount(0);
  // By keyboard: arrows reach a group, Enter opens it, Space closes it.
  await picture.focus();
  await page.keyboard.press('ArrowDown');
  const current = picture.locator('.is-current');
  const key = await current.getAttribute('data-key');
  expect(key).not.toBeNull();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: `Collapse ${key!}` })).toBeVisible({ timeout: 30_000 });
  await picture.locator(`[data-key="${key!}"]`).waitFor({ state: 'detached' });
  // Space opens a group as Enter does.
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(picture.locator(`[data-key="${key!}"]`)).toBeVisible({ timeout: 30_000 });
  await picture.focus();
  await page.keyboard.press('ArrowDown');
  const again = await picture.locator('.is-current').getAttribute('data-key');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: `Collapse ${again!}` })).toBeVisible({ timeout: 30_000 });
  // A ranked entry focuses its object.
  await lists.getByRole('button', { name: /^libc\.so\.6: \d+$/ }).click();
  await expect(svgText(page, 'what loads libc.so.6')).toBeVisible({ timeout: 30_000 });
});

test('the share button copies the page link, which reopens the same selection', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLinkage(page);
  await page.getByLabel('Search nodes').fill('libssl');
  await page.getByRole('button', { name: 'Reverse' }).click();
  await expect(svgText(page, 'what loads libssl.so.3')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toContain('v=2');
  const other = await page.context().newPage();
  await other.goto(copied);
  await other.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(other, 'ready');
  await expect(other.getByRole('tab', { name: 'Linkage' })).toHaveAttribute('aria-selected', 'true');
  await expect(svgText(other, 'what loads libssl.so.3')).toBeVisible({ timeout: 30_000 });
  await expect(
    other.getByText(/Everything that loads \/usr\/lib\/x86_64-linux-gnu\/libssl\.so\.3/),
  ).toBeVisible();
});

test('the Linkage wait says what is being resolved, and Cancel stops it and leaves the page usable', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  // The sample resolves in well under a second: the page itself presses Cancel the moment the wait shows,
  // noting what the wait said then.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const wait = document.querySelector('.linkage-wait');
      const cancel = [...(wait?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Cancel');
      if (!wait || !cancel) return;
      observer.disconnect();
      document.body.dataset['waitSaid'] = wait.textContent;
      cancel.click();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('tab', { name: 'Linkage' }).click();
  await expect(page.getByText('Resolving the linkage was cancelled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resolve again' })).toBeVisible();
  const said = await page.evaluate(() => document.body.dataset['waitSaid']);
  expect(said).toMatch(/^Resolving every ELF file as the image's loader would…/);
  expect(said).toMatch(
    /Reading the image's layers|Finding ELF files|Reading ELF headers|Resolving loads|Naming each object's package/,
  );
  // The rest of the page works.
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');
  // Back on Linkage, it resolves afresh.
  await page.getByRole('tab', { name: 'Linkage' }).click();
  await expect(svgText(page, 'every ELF object of localhost/strata-sample:1, by package')).toBeVisible({
    timeout: 30_000,
  });
});

test('the toolbar fits a 1024 px window', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openLinkage(page);
  await expect(svgText(page, 'every ELF object of localhost/strata-sample:1, by package')).toBeVisible({
    timeout: 30_000,
  });
  const toolbar = page.locator('.graph__main > .toolbar');
  const edge = (await toolbar.boundingBox())!;
  for (const control of await toolbar.locator('button, select, input, label').all()) {
    const box = await control.boundingBox();
    if (box === null) continue;
    expect(box.x).toBeGreaterThanOrEqual(edge.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(edge.x + edge.width + 1);
  }
  await page.screenshot({ path: test.info().outputPath('linkage-1024.png') });
});
