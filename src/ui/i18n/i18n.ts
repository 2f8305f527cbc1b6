/**
 * The page's languages: English and Simplified Chinese, chosen from what the user picked before
 * (localStorage) or else from the browser's languages. Catalogues are bundled: the page never
 * fetches anything. The CLI does not use this; its output is English by contract.
 */
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'strata.language';

/** Any Chinese the browser asks for is served the Simplified catalogue; anything else English. */
export function toLanguage(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function startI18n(): typeof i18next {
  void i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      supportedLngs: LANGUAGES,
      fallbackLng: 'en',
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        convertDetectedLanguage: toLanguage,
      },
      initAsync: false,
    });
  const mark = (lng: string) => {
    document.documentElement.lang = toLanguage(lng);
  };
  mark(i18next.language);
  i18next.on('languageChanged', mark);
  return i18next;
}
