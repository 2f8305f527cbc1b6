/**
 * The main path in Simplified Chinese: a zh-CN browser opens the sample and walks Layers, Files (a file
 * opened), Packages, Linkage (the overview, curl focused, the picture exported), Waste and Compare; then a
 * layer that fails, the Names view reading a short name (with the core's explanations), and two images with different package managers
 * compared. Each view shows its Chinese words and no sentence of the English catalogue, nor the words the
 * core writes into pictures and notes; image data (paths, package names, commands) stays as it is; the test
 * hooks are the same as in English. Photographs go to test-results/zh-CN/ to be looked at.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SENTENCES } from '../src/core/archive/error-sentences';
import { COMPARE_SENTENCES } from '../src/core/compare/compare-sentences';
import { LAYER_SENTENCES } from '../src/core/layers/layer-sentences';
import { PACKAGE_SENTENCES } from '../src/core/packages/package-sentences';
import { PICTURE_WORDS } from '../src/core/linkage/picture/words';
import { archiveWithCorruptLayer } from './corrupt-layer';
import { writeArchive } from './hostile-archives';
import { buildTar } from '../src/core/testing/tar-builder';
import { openImage, waitForState } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures');

type Tree = { [key: string]: string | Tree };
const read = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../src/ui/i18n/locales/${name}.json`), 'utf8')) as Tree;
const en = read('en');
const zh = read('zh-CN');

/** The text of a key in a catalogue (the Chinese plural form is `_other`). */
function text(tree: Tree, key: string): string {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.'))
    node = typeof node === 'object' ? (node[part] ?? node[`${part}_other`]) : undefined;
  if (typeof node !== 'string') throw new Error(`${key} is not a text of the catalogue`);
  return node;
}

/**
 * The English catalogue's phrases that the Chinese one does not share: the literal runs between
 * `{{slots}}` and tags, long enough (two words and more) not to be a technical name such as "SVG".
 */
function englishPhrases(): string[] {
  const walk = (tree: Tree, out: string[]) => {
    for (const v of Object.values(tree)) {
      if (typeof v === 'string') out.push(v);
      else walk(v, out);
    }
    return out;
  };
  const zhTexts = walk(zh, []);
  return (
    walk(en, [])
      .flatMap((v) => v.split(/\{\{[^}]*\}\}|<[^>]+>/))
      .map((piece) => piece.trim().replace(/^[\s·,.:;()—–-]+|[\s·,.:;()—–-]+$/g, ''))
      .filter((piece) => /[a-z]{2,}.* [a-z]{2,}/i.test(piece) && piece.length >= 10)
      // Commands and names the Chinese text keeps as they are ("docker save") are not leftovers.
      .filter((piece) => !zhTexts.some((z) => z.includes(piece)))
  );
}
/**
 * The words the core writes that the page shows (layer failures, compare notes, the pictures' badges, keys
 * and lists): their literal runs between `{{slots}}`, as long as the catalogue phrases above.
 */
const CORE_PHRASES = [
  ...Object.values(SENTENCES),
  ...Object.values(PICTURE_WORDS),
  ...Object.values(PACKAGE_SENTENCES),
  ...Object.values(COMPARE_SENTENCES),
  ...Object.values(LAYER_SENTENCES),
]
  .flatMap((v) => v.split(/\{\{[^}]*\}\}/))
  .map((piece) => piece.trim().replace(/^[\s·,.:;()—–-]+|[\s·,.:;()—–-]+$/g, ''))
  .filter((piece) => /[a-z]{2,}.* [a-z]{2,}/i.test(piece) && piece.length >= 10);
const PHRASES = [...new Set([...englishPhrases(), ...CORE_PHRASES])];

/**
 * No phrase of the English catalogue or of the core's words is shown anywhere on the page: its visible
 * text, its labels and tooltips, and the text inside the linkage picture's SVG.
 */
async function noEnglish(page: Page): Promise<void> {
  const shown = await page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))
      .map((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join('\n'))
      .join('\n');
    const svgText = Array.from(document.querySelectorAll('svg text, svg title'))
      .map((el) => el.textContent)
      .join('\n');
    return `${document.body.innerText}\n${labels}\n${svgText}\n${document.title}`;
  });
  expect(PHRASES.filter((phrase) => shown.includes(phrase))).toEqual([]);
}

async function view(page: Page, key: string): Promise<void> {
  const tab = page.getByRole('tab', { name: text(zh, `views.${key}`), exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toBeVisible();
}

/** Picks an image in one of Compare's two lists, by its name. */
async function pickImage(page: Page, label: string, name: string): Promise<void> {
  await page
    .getByRole('combobox', { name: text(zh, label), exact: true })
    .selectOption({ label: `${name} · linux/amd64` });
}

async function photograph(page: Page, name: string): Promise<void> {
  await noEnglish(page);
  await page.screenshot({ path: `test-results/zh-CN/${name}.png` });
}

test.use({ locale: 'zh-CN' });

test('the main path in Simplified Chinese', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('body')).toHaveAttribute('data-app-state', 'empty');
  await expect(page.getByTestId('open-sample')).toHaveText(text(zh, 'start.sample'));
  await expect(page.getByTestId('file-input').first()).toBeAttached();
  await photograph(page, '0-start');
  await page.getByTestId('open-sample').click();
  await waitForState(page, 'ready');

  // Layers: the first tab, its table in Chinese.
  await expect(page.getByRole('tab').first()).toHaveText(text(zh, 'views.layers'));
  await expect(page.getByRole('columnheader', { name: text(zh, 'layers.createdBy') })).toBeVisible();
  await photograph(page, '1-layers');

  // Files: open a file found by search.
  await view(page, 'files');
  await expect(page.getByRole('tree', { name: text(zh, 'files.tree') })).toBeVisible();
  await page.getByLabel(text(zh, 'files.searchPaths')).fill('os-release');
  await page
    .getByRole('list', { name: text(zh, 'files.results') })
    .getByRole('button', { name: /\/etc\/os-release/ })
    .first()
    .click();
  await expect(page.getByLabel(text(zh, 'content.label'))).toContainText('ID=');
  await expect(page.getByRole('list', { name: text(zh, 'path.historyLabel') })).toBeVisible();
  await photograph(page, '2-files');

  // Packages: the table of installed packages, names as the database has them.
  await view(page, 'packages');
  const packages = page.getByRole('table', { name: text(zh, 'packages.table') });
  await expect(packages).toContainText('curl');
  await photograph(page, '3-packages');

  // Linkage: curl focused from the search, its picture exported.
  await view(page, 'linkage');
  await expect(page.getByText(/个 ELF 对象/).first()).toBeVisible({ timeout: 30_000 });
  // The overview's ranked lists and its boxes' notes come from the core, in the page's words.
  const lists = page.getByRole('complementary', { name: text(zh, 'linkage.rankedLists') });
  await expect(lists.getByRole('heading', { name: text(zh, 'picture.listMostLoaded') })).toBeVisible();
  await expect(lists.getByRole('heading', { name: text(zh, 'picture.listMissing') })).toBeVisible();
  await photograph(page, '4-linkage-overview');
  const search = page.getByLabel(text(zh, 'linkage.search'));
  await search.fill('curl');
  await expect(
    page
      .getByRole('listbox', { name: text(zh, 'linkage.matches') })
      .getByRole('option')
      .first(),
  ).toContainText('/usr/bin/curl');
  await search.press('Enter');
  await expect(page.getByText(/\/usr\/bin\/curl 直接或间接加载的内容/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('linkage-picture').locator('svg')).toHaveAttribute(
    'aria-label',
    '/usr/bin/curl 加载了什么',
  );
  await expect(page.getByLabel(text(zh, 'linkage.lddOutput'))).toContainText('libcurl');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: text(zh, 'linkage.svg'), exact: true }).click();
  const svg = await download;
  expect(svg.suggestedFilename()).toMatch(/curl-loads\.svg$/);
  // The exported picture speaks the page's language: its title, legend and footer.
  const exported = readFileSync(await svg.path(), 'utf8');
  expect(exported).toContain('/usr/bin/curl 加载了什么');
  expect(exported).toContain('共享库');
  expect(exported).toContain('按镜像自己的加载器解析');
  await expect(page.getByTestId('linkage-picture').locator('svg')).toContainText(/全部 \d+ 个都需要|个中有/);
  await photograph(page, '4-linkage');

  // Waste: dive's figures and the corrected one, each explained.
  await view(page, 'waste');
  await expect(page.getByText(text(zh, 'waste.title')).first()).toBeVisible();
  await photograph(page, '5-waste');

  // Compare: a second image opened beside the sample.
  await openImage(page, join(import.meta.dirname, '../fixtures/compare/app-1.oci-archive.tar'));
  await view(page, 'compare');
  const summary = page.getByTestId('compare-summary');
  await expect(summary).toContainText('大小', { timeout: 60_000 });
  await expect(summary).toContainText('个新 ELF 对象');
  await expect(page.getByRole('region', { name: text(zh, 'compare.linkageChange') })).toBeVisible();
  await photograph(page, '6-compare');
  await expect(page.locator('body')).toHaveAttribute('data-app-state', 'ready');
});

test('a layer that fails says why in Simplified Chinese', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-e2e-zh-'));
  try {
    await page.goto('/');
    await openImage(page, archiveWithCorruptLayer(dir));
    const table = page.getByRole('table', { name: text(zh, 'views.layers') });
    const failed = table.locator('.badge--bad');
    await expect(failed).toHaveText(text(zh, 'layers.state.failed'));
    await expect(failed).toHaveAttribute(
      'title',
      /^此层的 tar 已损坏：第 \d+ 字节处的 tar 头已损坏（校验和错误）。$/,
    );
    await table
      .locator('tr', { has: page.locator('.badge--bad') })
      .getByRole('button')
      .click();
    await expect(table.locator('.layers__details .error-text')).toHaveText(/^此层的 tar 已损坏/);
    await photograph(page, '7-layer-failed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Names: the view's words in Simplified Chinese around a short name's candidates", async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'archives/podman-name-resolution.tar'));
  await view(page, 'names');
  await page.getByLabel(text(zh, 'names.imageName')).fill('ubi7/ubi');
  const podman = page.getByRole('region', { name: 'Podman 的解析' });
  await expect(podman.locator('ol li').first()).toHaveText('localhost/ubi7/ubi:latest');
  await expect(podman).toContainText(text(zh, 'names.tries'));
  // The core's explanations: why the lookup failed and what podman pull would do, in Chinese.
  // The names podman tried, joined as Chinese joins a list.
  await expect(podman.locator('.explanation li').first()).toHaveText(
    /^试过 localhost\/ubi7\/ubi:latest、[^,]*和[^,]*：都不存在$/,
  );
  await expect(podman.locator('p.muted')).toHaveText(
    /^podman pull 在终端上会询问选 .* 中的哪一个；没有终端时失败/,
  );
  const docker = page.getByRole('region', { name: 'Docker 的解析' });
  await expect(docker.locator('.explanation li').first()).toHaveText(
    '“ubi7/ubi”指的是 docker.io/ubi7/ubi:latest，它不存在',
  );
  await photograph(page, '8-names');
  await page.getByLabel(text(zh, 'names.imageName')).fill('ubi7/UBI');
  await expect(page.locator('.resolver__invalid')).toHaveText(
    `${text(zh, 'names.invalid')} 仓库路径中不允许大写字母：“UBI”（位置 5）`,
  );
  await noEnglish(page);
  await page.getByLabel(text(zh, 'names.imageName')).fill('ubi7/ubi');
  const conf = page.getByRole('textbox', { name: text(zh, 'names.conf') });
  await conf.fill('short-name-mode = "lenient"\n');
  await expect(page.locator('.resolver .error-text')).toHaveText(
    /^第 1 行：short-name-mode 必须是 "enforcing"、"permissive" 或 "disabled"，而不是 "lenient"/,
  );
  await noEnglish(page);
  // A TOML syntax error is said by its kind, with its column.
  await conf.fill('# registries\nshort-name-mode = enforcing\n');
  await expect(page.locator('.resolver .error-text')).toHaveText(
    /^第 2 行：值无效：字符串要加引号（第 19 列）/,
  );
  await noEnglish(page);
  await photograph(page, '8-names-toml');
});

test('Compare of two package managers says so in Simplified Chinese', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'compare/rpm-apk-pairs.docker-archive.tar.gz'));
  await view(page, 'compare');
  await pickImage(page, 'compare.new', 'localhost/apk-new:1');
  await pickImage(page, 'compare.old', 'localhost/rpm-old:1');
  const summary = page.getByTestId('compare-summary');
  await expect(summary).toContainText('localhost/rpm-old:1 → localhost/apk-new:1', { timeout: 60_000 });
  const note = page.locator('.warn-text', { hasText: '包管理器不同' });
  await note.scrollIntoViewIfNeeded();
  await expect(note).toContainText('旧镜像是 rpm，新镜像是 apk');
  await photograph(page, '9-compare-managers');
});

/**
 * An image whose package databases cannot be read whole: an rpm Berkeley DB marked encrypted, and a dpkg
 * package without its list of files.
 */
function damagedPackageDbs(dir: string): string {
  const bdb = new Uint8Array(4096);
  new DataView(bdb.buffer).setUint32(12, 0x00061561, true);
  bdb[24] = 1; // encrypted
  bdb[25] = 8; // a hash database
  const status = 'Package: foo\nStatus: install ok installed\nVersion: 1.0\nArchitecture: amd64\n\n';
  return writeArchive(dir, 'damaged-dbs.tar', [
    buildTar([
      { name: 'var/lib/rpm/Packages', data: bdb },
      { name: 'var/lib/dpkg/status', data: status },
    ]),
  ]);
}

test('package readers and compare say their warnings in Simplified Chinese, quoted errors too', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'strata-e2e-zh-'));
  try {
    await page.goto('/');
    await openImage(page, archiveWithCorruptLayer(dir));
    await openImage(page, damagedPackageDbs(dir));
    await view(page, 'packages');
    const problems = page.getByRole('tabpanel').locator('.warn-text');
    await expect(problems).toHaveText([
      '/var/lib/rpm/Packages：此 Berkeley DB 数据库已加密；strata 无法读取。',
      'dpkg 没有列出 foo 的文件。',
    ]);
    await photograph(page, '10-packages-warnings');

    await view(page, 'compare');
    await pickImage(page, 'compare.old', 'localhost/t:3');
    await pickImage(page, 'compare.new', 'localhost/test:1');
    await expect(page.getByTestId('compare-summary')).toContainText('localhost/t:3 → localhost/test:1', {
      timeout: 60_000,
    });
    const warnings = page.getByRole('tabpanel').locator('.warn-text');
    await expect(warnings.first()).toHaveText(
      /^localhost\/t:3（旧）：第 \d+ 层按空层比较：此层的 tar 已损坏：第 [\d,]+ 字节处的 tar 头已损坏（校验和错误）。$/,
    );
    await expect(warnings.filter({ hasText: 'localhost/test:1（新）' })).toHaveText([
      'localhost/test:1（新）：/var/lib/rpm/Packages：此 Berkeley DB 数据库已加密；strata 无法读取。',
      'localhost/test:1（新）：dpkg 没有列出 foo 的文件。',
    ]);
    await photograph(page, '11-compare-warnings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
