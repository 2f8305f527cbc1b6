/** How a name resolves is said in the page's language; in English, exactly as `strata resolve` prints it. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  DEFAULT_REGISTRIES_CONF,
  parseRegistriesConf,
  renderPhraseWith,
  type SaidList,
  type ValidReport,
} from '../../core';
import { formatList } from './format';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { phraseText } from './phrase-text';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

const STORE = {
  names: ['registry.access.redhat.com/ubi7/ubi:test', 'localhost/ubi7:test'],
  ids: [`sha256:${'a'.repeat(64)}`],
};

/** Reports that between them use nested phrases, numbers, notes and every podman pull outcome seen here. */
function reports(): ValidReport[] {
  const names = ['ubi7/ubi:test', 'ubi7/ubi', 'UBI7/ubi', `index.docker.io/ubi:1@sha256:${'b'.repeat(64)}`];
  return names.map((name) => {
    const report = buildReport(name, 'podman', DEFAULT_REGISTRIES_CONF, STORE);
    if (!report.valid) throw new Error(`${name} should be valid`);
    return report;
  });
}

const said = (report: ValidReport) => [
  ...report.explanationSentences,
  ...report.engines.docker.explanationSentences,
  ...report.noteSentences,
  report.podmanPullSentence,
];
const english = (report: ValidReport) => [
  ...report.explanation,
  ...report.engines.docker.explanation,
  ...report.notes,
  report.podmanPull,
];

describe('phraseText', () => {
  it('says every explanation in English as the core writes it, its lists joined as Intl joins English', () => {
    const intl = (list: SaidList) => formatList(list.items, 'en', list.type);
    for (const report of reports()) {
      const page = said(report).map((p) => phraseText(p, i18n.getFixedT('en'), 'en'));
      expect(page).toEqual(said(report).map((p) => renderPhraseWith(p, intl)));
      // Without a list of three or more, word for word what the CLI prints.
      expect(page.filter((text, i) => text !== english(report)[i])).toEqual(
        page.filter((text) => /, and /.test(text)),
      );
    }
  });

  it('joins a list of names as Chinese does', () => {
    const [, short] = reports();
    const tried = short!.explanationSentences.find((p) => p.name === 'podman-tried')!;
    expect(phraseText(tried, i18n.getFixedT('zh-CN'), 'zh-CN')).toMatch(
      /^试过 [^,]+、[^,]+和[^,]+：都不存在$/,
    );
  });

  it('says them in Chinese, nested phrases included, with no slot left unfilled', () => {
    const [found] = reports();
    const text = phraseText(found!.explanationSentences[0]!, i18n.getFixedT('zh-CN'), 'zh-CN');
    expect(text).toBe(
      '作为第 3 个候选（共 6 个）找到：registry.access.redhat.com/ubi7/ubi:test（搜索仓库 registry.access.redhat.com）',
    );
    for (const report of reports()) {
      for (const phrase of said(report)) {
        const zh = phraseText(phrase, i18n.getFixedT('zh-CN'), 'zh-CN');
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        expect(zh).not.toContain('{{');
      }
    }
  });

  it('says a registries.conf problem in Chinese, with its line', () => {
    const conf = parseRegistriesConf('short-name-mode = "lenient"\n');
    if (!('kind' in conf)) throw new Error('the conf should not parse');
    expect(phraseText(conf.sentence, i18n.getFixedT('en'), 'en')).toBe(conf.message);
    expect(phraseText(conf.sentence, i18n.getFixedT('zh-CN'), 'zh-CN')).toBe(
      '第 1 行：short-name-mode 必须是 "enforcing"、"permissive" 或 "disabled"，而不是 "lenient"',
    );
  });

  it('says why a name is invalid, the character it names included', () => {
    const report = buildReport('ubi 7', 'podman', DEFAULT_REGISTRIES_CONF, null);
    if (report.valid) throw new Error('the name should be invalid');
    expect(phraseText(report.errorSentence, i18n.getFixedT('en'), 'en')).toBe(report.error);
    expect(phraseText(report.errorSentence, i18n.getFixedT('zh-CN'), 'zh-CN')).toBe(
      '仓库路径中不允许一个空格：“ubi 7”（位置 3）',
    );
  });

  it('shows text the core keeps as written as it is', () => {
    expect(phraseText('line 3: unexpected "=" (column 4)', i18n.getFixedT('zh-CN'), 'zh-CN')).toBe(
      'line 3: unexpected "=" (column 4)',
    );
  });
});
